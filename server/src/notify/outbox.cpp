#include "notify/outbox.h"

#include <functional>
#include <map>

#include <nlohmann/json.hpp>

#include "base/ids.h"
#include "base/time.h"
#include "notify/templates.h"
#include "rules/messages.h"
#include "store/message_receipt_store.h"
#include "store/outbox_store.h"

namespace tadaima::notify {
namespace {

const ChannelChoice& ChoiceFor(const NotificationPreferences& p, const std::string& kind) {
  return kind == "message" ? p.messages : p.stamps;
}

}  // namespace

nlohmann::json InboxItemJson(const Notification& n, const std::string& time_zone) {
  const auto payload = nlohmann::json::parse(n.payload, nullptr, false);
  nlohmann::json j{{"id", n.id},
                   {"kind", n.kind},
                   {"created_at", FormatInstant(n.created_at, time_zone)},
                   {"read_at", n.read_at ? nlohmann::json(FormatInstant(*n.read_at, time_zone)) : nlohmann::json(nullptr)}};
  for (const char* key : {"title", "body", "child_id", "child_name", "facility_id", "facility_name", "at", "pickup_by",
                          "message_id", "thread_id", "link", "emergency"})
    if (payload.is_object() && payload.contains(key)) j[key] = payload[key];
  return j;
}

std::optional<int64_t> QuietUntil(const NotificationPreferences& p, const std::string& time_zone, int64_t now) {
  if (!p.quiet_from || !p.quiet_to || *p.quiet_from == *p.quiet_to) return std::nullopt;
  const CivilDate today = DateAt(now, time_zone);
  const int minute = static_cast<int>((now - InstantAt(today, 0, time_zone)) / 60000);
  const int from = *p.quiet_from, to = *p.quiet_to;
  const bool quiet = from < to ? (minute >= from && minute < to) : (minute >= from || minute < to);
  if (!quiet) return std::nullopt;
  int64_t end = InstantAt(today, to, time_zone);
  if (end <= now) end = InstantAt(NextDay(today), to, time_zone);
  return end;
}

Result<std::vector<Notification>> Enqueue(db::Tx& tx, const Notice& notice, const std::string& time_zone,
                                          int64_t now) {
  auto recipients = TRY(store::FamilyRecipients(tx, notice.organization_id, notice.family_id));
  std::vector<Notification> rows;
  for (size_t i = 0; i < recipients.size(); ++i) {
    const auto& r = recipients[i];
    const bool first_row_of_user = i == 0 || recipients[i - 1].user_id != r.user_id;
    // An emergency (a child who has not arrived) goes out on every channel the guardian can be reached on.
    static const ChannelChoice kEvery;
    const ChannelChoice& choice = notice.emergency ? kEvery : ChoiceFor(r.preferences, notice.kind);
    const Wording words = Word({notice.kind, r.preferences.language, notice.child_name, notice.facility_name,
                                notice.at, notice.pickup_by, time_zone});
    nlohmann::json payload{{"kind", notice.kind},
                           {"title", words.title},
                           {"body", words.body},
                           {"language", r.preferences.language},
                           {"time_zone", time_zone},
                           {"child_name", notice.child_name},
                           {"facility_name", notice.facility_name}};
    if (notice.child_id) payload["child_id"] = *notice.child_id;
    if (notice.facility_id) payload["facility_id"] = *notice.facility_id;
    if (notice.at) payload["at"] = FormatInstant(*notice.at, time_zone);
    if (notice.pickup_by) payload["pickup_by"] = *notice.pickup_by;

    int64_t due = now;
    if (!notice.emergency)
      if (auto until = QuietUntil(r.preferences, time_zone, now)) due = *until;
    auto row = [&](const std::string& channel, const std::string& target, int64_t next) {
      Notification n;
      n.id = NewId(now);
      n.organization_id = notice.organization_id;
      n.user_id = r.user_id;
      n.channel = channel;
      n.kind = notice.kind;
      n.event_key = notice.event_key;
      n.target = target;
      n.facility_id = notice.facility_id;
      n.child_id = notice.child_id;
      n.payload = payload.dump();
      n.urgent = notice.emergency;
      n.next_attempt_at = next;
      n.created_at = now;
      rows.push_back(std::move(n));
    };
    if (first_row_of_user) {
      if (choice.inapp) {
        row("inapp", "", now);
        rows.back().status = "delivered";
        rows.back().delivered_at = now;
      }
      if (choice.email && r.email && !r.email->empty()) row("email", *r.email, due);
    }
    if (choice.push && !r.subscription_id.empty()) row("push", r.subscription_id, due);
  }
  const auto inserted = TRY(store::InsertNotifications(tx, rows));
  std::vector<Notification> inbox;
  for (auto& n : rows)
    if (n.channel == "inapp" && inserted.count(n.id)) inbox.push_back(std::move(n));
  return inbox;
}

namespace {

// The texts a guardian's rows carry in one language.
struct Payloads {
  std::string preview, whole;  // push and in-app; e-mail
};

// Something staff write, told to every guardian of some families.
struct Broadcast {
  std::string organization_id, kind, event_key;
  MessageChannels channels;  // the sender's choice, within each guardian's own for messages
  bool emergency = false;    // every channel the guardian has, quiet hours ignored
  std::function<Payloads(const std::string& language)> words;
};

Result<std::vector<Notification>> EnqueueBroadcast(db::Tx& tx, const Broadcast& b,
                                                   const std::vector<std::string>& family_ids,
                                                   const std::string& time_zone, int64_t now) {
  const auto recipients = TRY(store::RecipientsOfFamilies(tx, b.organization_id, family_ids));
  // The payloads are the same for every guardian of one language: made once each.
  std::map<std::string, Payloads> by_language;
  auto payloads = [&](const std::string& language) -> const Payloads& {
    auto it = by_language.find(language);
    if (it == by_language.end()) it = by_language.emplace(language, b.words(language)).first;
    return it->second;
  };
  std::vector<Notification> rows;
  rows.reserve(recipients.size() * 3);
  for (size_t i = 0; i < recipients.size(); ++i) {
    const auto& r = recipients[i].recipient;
    const bool first_row_of_user = i == 0 || recipients[i - 1].recipient.user_id != r.user_id;
    const ChannelChoice& own = r.preferences.messages;
    const bool push = b.emergency || (b.channels.push && own.push);
    const bool email = b.emergency || (b.channels.email && own.email);
    const bool inapp = b.emergency || (b.channels.inapp && own.inapp);
    const Payloads& words = payloads(r.preferences.language);
    int64_t due = now;
    if (!b.emergency)
      if (auto until = QuietUntil(r.preferences, time_zone, now)) due = *until;
    auto row = [&](const std::string& channel, const std::string& target, int64_t next, const std::string& body) {
      Notification n;
      n.id = NewId(now);
      n.organization_id = b.organization_id;
      n.user_id = r.user_id;
      n.channel = channel;
      n.kind = b.kind;
      n.event_key = b.event_key;
      n.target = target;
      n.payload = body;
      n.urgent = b.emergency;
      n.next_attempt_at = next;
      n.created_at = now;
      rows.push_back(std::move(n));
    };
    if (first_row_of_user) {
      if (inapp) {
        row("inapp", "", now, words.preview);
        rows.back().status = "delivered";
        rows.back().delivered_at = now;
      }
      if (email && r.email && !r.email->empty()) row("email", *r.email, due, words.whole);
    }
    if (push && !r.subscription_id.empty()) row("push", r.subscription_id, due, words.preview);
  }
  const auto inserted = TRY(store::InsertNotifications(tx, rows));
  std::vector<Notification> inbox;
  for (auto& n : rows)
    if (n.channel == "inapp" && inserted.count(n.id)) inbox.push_back(std::move(n));
  return inbox;
}

// `j` with the start of `body` (push and in-app; a push service takes 4 KB),
// and with all of it and `whole_only` (e-mail).
Payloads PreviewAndWhole(nlohmann::json j, const std::string& body, const nlohmann::json& whole_only = {}) {
  Payloads p;
  j["body"] = NotificationPreview(body);
  p.preview = j.dump();
  j["body"] = body;
  if (whole_only.is_object()) j.update(whole_only);
  p.whole = j.dump();
  return p;
}

}  // namespace

Status RewordDeparture(db::Tx& tx, const Visit& visit, const std::string& time_zone) {
  for (const auto& row : TRY(store::OpenRowsOfEvent(tx, visit.organization_id, "visit:" + visit.id + ":out"))) {
    auto payload = nlohmann::json::parse(row.payload, nullptr, /*allow_exceptions=*/false);
    if (!payload.is_object()) continue;  // written by Enqueue: never, but a bad row is left as it is
    const Wording words = Word({"departure", payload.value("language", "ja"), payload.value("child_name", ""),
                                payload.value("facility_name", ""), visit.out_at, visit.pickup_by, time_zone,
                                visit.left_alone});
    payload["title"] = words.title;
    payload["body"] = words.body;
    if (visit.pickup_by) payload["pickup_by"] = *visit.pickup_by;
    else payload.erase("pickup_by");
    payload["left_alone"] = visit.left_alone;
    TRY_STATUS(store::SetPayload(tx, row.id, payload.dump()));
  }
  return {};
}

Result<std::vector<Notification>> EnqueueMessage(db::Tx& tx, const MessageNotice& notice,
                                                 const std::vector<std::string>& family_ids,
                                                 const std::string& time_zone, int64_t now) {
  Broadcast b{notice.organization_id, "message", notice.event_key, notice.channels, notice.emergency, {}};
  b.words = [&](const std::string& language) {
    return PreviewAndWhole({{"kind", "message"},
                            {"title", MessageTitle(language, notice.title, notice.reminder)},
                            {"message_id", notice.message_id},
                            {"link", "/app/messages/" + notice.message_id},
                            {"emergency", notice.emergency},
                            {"language", language},
                            {"time_zone", time_zone}},
                           notice.body, {{"attachments", notice.attachment_names}});
  };
  return EnqueueBroadcast(tx, b, family_ids, time_zone, now);
}

Result<std::vector<Notification>> EnqueueThreadPost(db::Tx& tx, const ThreadNotice& notice,
                                                    const std::string& time_zone, int64_t now) {
  Broadcast b{notice.organization_id, "thread", "thread_post:" + notice.post_id, {true, true, true}, false, {}};
  b.words = [&](const std::string& language) {
    return PreviewAndWhole({{"kind", "thread"},
                            {"title", ThreadPostTitle(language, notice.facility_name)},
                            {"thread_id", notice.thread_id},
                            {"facility_name", notice.facility_name},
                            {"link", "/app/threads/" + notice.thread_id},
                            {"language", language},
                            {"time_zone", time_zone}},
                           notice.body);
  };
  return EnqueueBroadcast(tx, b, {notice.family_id}, time_zone, now);
}

Result<std::vector<Notification>> EnqueueAnnouncement(db::Tx& tx, const Announcement& a,
                                                      const std::vector<std::string>& family_ids,
                                                      const std::string& time_zone, int64_t now) {
  Broadcast b{a.organization_id, a.kind, a.event_key, a.channels, a.emergency, {}};
  b.words = [&](const std::string& language) {
    const Wording w = a.words(language);
    return PreviewAndWhole({{"kind", a.kind},
                            {"title", w.title},
                            {"link", a.link},
                            {"emergency", a.emergency},
                            {"language", language},
                            {"time_zone", time_zone}},
                           w.body);
  };
  return EnqueueBroadcast(tx, b, family_ids, time_zone, now);
}

}  // namespace tadaima::notify
