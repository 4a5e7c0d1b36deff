#include "notify/templates.h"

#include "base/time.h"

namespace tadaima::notify {
namespace {

// "15:02" in the organization's zone.
std::string ClockAt(int64_t ms, const std::string& time_zone) {
  const int64_t midnight = InstantAt(DateAt(ms, time_zone), 0, time_zone);
  return FormatClockTime(static_cast<int>((ms - midnight) / 60000));
}

}  // namespace

Wording Word(const WordingInput& in) {
  const bool en = in.language == "en";
  const std::string time = in.at ? ClockAt(*in.at, in.time_zone) : "";
  const std::string& child = in.child_name;
  const std::string& place = in.facility_name;
  if (in.kind == "arrival") {
    if (en) return {child + " arrived at " + place, child + " arrived at " + place + " at " + time + "."};
    return {child + "さんが到着しました", child + "さんが" + time + "に" + place + "に到着しました。"};
  }
  if (in.kind == "departure") {
    if (en) {
      std::string body = child + " left " + place + " at " + time + ".";
      if (in.pickup_by) body += " Picked up by " + *in.pickup_by + ".";
      return {child + " left " + place, body};
    }
    std::string body = child + "さんが" + time + "に" + place + "を出ました。";
    if (in.pickup_by) body += "お迎え: " + *in.pickup_by + "。";
    return {child + "さんが退館しました", body};
  }
  if (in.kind == "not_arrived") {
    if (en)
      return {child + " has not arrived",
              child + " was expected at " + place + " at " + time +
                  " and has not arrived yet. Please contact the facility."};
    return {child + "さんがまだ到着していません",
            child + "さんは" + time + "に" + place + "へ到着の予定でしたが、まだ到着していません。施設にご確認ください。"};
  }
  return {in.kind, ""};
}

std::string MessageTitle(const std::string& language, const std::string& title, bool reminder) {
  if (!reminder) return title;
  return (language == "en" ? "Reminder: " : "【再送】") + title;
}

std::string MessageEmailTail(const std::string& language, const std::vector<std::string>& attachment_names,
                             const std::string& url) {
  const bool en = language == "en";
  std::string out;
  if (!attachment_names.empty()) {
    out += en ? "Attachments (open them in the app):" : "添付ファイル（アプリで開けます）:";
    for (const auto& name : attachment_names) out += "\n- " + name;
    out += "\n\n";
  }
  if (!url.empty()) out += (en ? "Read it in the app: " : "アプリで読む: ") + url + "\n\n";
  return out;
}

std::string ThreadPostTitle(const std::string& language, const std::string& facility_name) {
  return language == "en" ? "Reply from " + facility_name : "【連絡】" + facility_name + "からの返信";
}

std::string EmailFooter(const std::string& language) {
  if (language == "en")
    return "This message was sent by Tadaima. You can choose how you are notified in the app's settings.";
  return "このメールはただいま（入退館のお知らせ）から送信しています。通知の受け取り方はアプリの「通知設定」で変えられます。";
}

}  // namespace tadaima::notify
