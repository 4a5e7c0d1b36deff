#include "notify/templates.h"

#include "base/time.h"

namespace tadaima::notify {
namespace {

// "15:02" in the organization's zone.
std::string ClockAt(int64_t ms, const std::string& time_zone) {
  const int64_t midnight = InstantAt(DateAt(ms, time_zone), 0, time_zone);
  return FormatClockTime(static_cast<int>((ms - midnight) / 60000));
}

// "7月20日 17:00" (en: "2027-07-20 17:00") in the organization's zone.
std::string DayAndClock(const std::string& language, int64_t ms, const std::string& time_zone) {
  const CivilDate d = DateAt(ms, time_zone);
  const std::string clock = ClockAt(ms, time_zone);
  if (language == "en") return d.ToString() + " " + clock;
  return std::to_string(d.month) + "月" + std::to_string(d.day) + "日 " + clock;
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
      if (in.left_alone) body += " Went home alone.";
      return {child + " left " + place, body};
    }
    std::string body = child + "さんが" + time + "に" + place + "を出ました。";
    if (in.pickup_by) body += "お迎え：" + *in.pickup_by + "。";
    if (in.left_alone) body += "ひとりで帰りました。";
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

Wording SurveyWording(const std::string& language, const std::string& title, int64_t closes_at,
                      const std::string& time_zone, bool reminder) {
  const std::string until = DayAndClock(language, closes_at, time_zone);
  if (language == "en")
    return {(reminder ? "Reminder: survey: " : "Survey: ") + title,
            "Please answer \"" + title + "\" in the app by " + until + "."};
  return {(reminder ? "【再送】アンケート: " : "【アンケート】") + title,
          "「" + title + "」へのご回答をお願いします。締切: " + until + "。アプリから回答できます。"};
}

Wording CalendarWording(const std::string& language, CalendarNews news, const std::string& title,
                        const std::string& when) {
  const bool en = language == "en";
  switch (news) {
    case CalendarNews::kAnnounced:
      if (en) return {"New: " + title, title + " (" + when + "). See the details in the app."};
      return {"【お知らせ】" + title, "「" + title + "」（" + when + "）のお知らせです。詳しくはアプリでご覧ください。"};
    case CalendarNews::kClosure:
      if (en) return {"Closed: " + title, "The facility is closed " + when + " (" + title + ")."};
      return {"【休館】" + title, when + "は休館です（" + title + "）。ご予定の変更をお願いします。"};
    case CalendarNews::kClosureCancelled:
      if (en) return {"Open again: " + title, "The closure " + when + " (" + title + ") is cancelled: the facility opens."};
      return {"【休館取りやめ】" + title, when + "の休館（" + title + "）は取りやめになりました。通常どおり開館します。"};
    case CalendarNews::kPromoted:
      if (en) return {"Confirmed: " + title, "A seat became free: your application for " + title + " (" + when + ") is confirmed."};
      return {"【繰り上げ確定】" + title, "キャンセルが出たため、「" + title + "」（" + when + "）のお申し込みが確定しました。"};
    case CalendarNews::kChanged:
      if (en) return {"Changed: " + title, title + " now takes place " + when + "."};
      return {"【日時変更】" + title, "お申し込みの「" + title + "」の日時が " + when + " に変わりました。"};
    case CalendarNews::kCancelled:
      if (en) return {"Cancelled: " + title, title + " (" + when + ") is cancelled."};
      return {"【中止】" + title, "お申し込みの「" + title + "」（" + when + "）は中止になりました。"};
  }
  return {title, when};
}

std::string EventWhen(const std::string& language, int64_t starts_at, int64_t ends_at, bool all_day,
                      const std::string& time_zone) {
  const bool en = language == "en";
  static const char* kDays[] = {"日", "月", "火", "水", "木", "金", "土"};
  auto day = [&](const CivilDate& d) {
    if (en) return d.ToString();
    return std::to_string(d.month) + "月" + std::to_string(d.day) + "日（" + kDays[Weekday(d)] + "）";
  };
  const CivilDate first = DateAt(starts_at, time_zone);
  if (all_day) {
    const CivilDate last = DateAt(ends_at - 1, time_zone);
    return first == last ? day(first) : day(first) + (en ? " to " : "〜") + day(last);
  }
  const CivilDate end_day = DateAt(ends_at, time_zone);
  std::string out = day(first) + " " + ClockAt(starts_at, time_zone) + (en ? "–" : "〜");
  if (!(end_day == first)) out += day(end_day) + " ";
  return out + ClockAt(ends_at, time_zone);
}

std::string EmailFooter(const std::string& language) {
  if (language == "en")
    return "This message was sent by Tadaima. You can choose how you are notified in the app's settings.";
  return "このメールはただいま（入退館のお知らせ）から送信しています。通知の受け取り方はアプリの「通知設定」で変えられます。";
}

}  // namespace tadaima::notify
