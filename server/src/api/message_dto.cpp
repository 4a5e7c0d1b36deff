// The JSON of messages, their receipts and attachments, and contact threads.
#include "api/dto.h"

#include "rules/audience.h"
#include "rules/messages.h"

namespace tadaima::api {

nlohmann::json AttachmentJson(const Attachment& a) {
  return {{"id", a.id}, {"name", a.name}, {"content_type", a.content_type}, {"size", a.size},
          {"url", "/api/v1/attachments/" + a.id}};
}

namespace {

// What staff and guardians both see of a message.
nlohmann::json MessageCommonJson(const Message& m, const std::string& tz) {
  nlohmann::json attachments = nlohmann::json::array();
  for (const auto& a : m.attachments) attachments.push_back(AttachmentJson(a));
  return {{"id", m.id},
          {"title", m.title},
          {"body", m.body},
          {"priority", m.emergency ? "emergency" : "normal"},
          {"sent_at", InstantOrNull(m.sent_at, tz)},
          {"ended_at", InstantOrNull(m.ended_at, tz)},
          {"sender", {{"name", m.created_by_name}}},
          {"attachments", attachments}};
}

}  // namespace

nlohmann::json MessageJson(const service::MessageView& v, const std::string& tz) {
  const Message& m = v.message;
  nlohmann::json j = MessageCommonJson(m, tz);
  j["status"] = m.status;
  j["audience"] = AudienceJson(m.audience);
  j["facility_ids"] = m.facility_ids;
  j["channels"] = ChannelNames(m.channels);
  j["send_at"] = FormatInstant(m.send_at, tz);
  j["cancelled_at"] = InstantOrNull(m.cancelled_at, tz);
  j["ended_by"] = m.ended_by_name ? nlohmann::json({{"name", *m.ended_by_name}}) : nlohmann::json(nullptr);
  j["families"] = m.families;
  j["guardians"] = m.guardians;
  j["read_families"] = v.read_families;
  j["created_at"] = FormatInstant(m.created_at, tz);
  return j;
}

nlohmann::json FamilyMessageJson(const service::MessageView& v, const std::string& tz) {
  nlohmann::json j = MessageCommonJson(v.message, tz);
  j["read_at"] = InstantOrNull(v.read_at, tz);
  return j;
}

nlohmann::json ReceiptsJson(const service::ReceiptList& r, const std::string& tz) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& line : r.items) {
    const auto& rc = line.receipt;
    items.push_back({{"family", {{"id", rc.family_id}, {"name", rc.family_name}}},
                     {"delivered", line.delivered},
                     {"read_at", InstantOrNull(rc.read_at, tz)},
                     {"read_by", rc.read_by_name ? nlohmann::json({{"name", *rc.read_by_name}}) : nlohmann::json(nullptr)},
                     {"reminders", rc.reminders}});
  }
  return {{"items", items}, {"families", r.families}, {"read_families", r.read_families}};
}

namespace {
const char* AuthorKind(ThreadSide s) { return s == ThreadSide::kStaff ? "staff" : "guardian"; }
}  // namespace

nlohmann::json ThreadJson(const Thread& t, ThreadSide reader, const std::string& tz) {
  return {{"id", t.id},
          {"facility", {{"id", t.facility_id}, {"name", t.facility_name}}},
          {"family", {{"id", t.family_id}, {"name", t.family_name}}},
          {"child", {{"id", t.child_id}, {"name", t.child_name}}},
          {"subject", t.subject},
          {"posts", t.posts},
          {"unread", t.UnreadFor(reader)},
          {"read_only", !t.open},
          {"last_post", {{"author_kind", AuthorKind(t.last_author)}, {"body", NotificationPreview(t.last_body)}}},
          {"created_at", FormatInstant(t.created_at, tz)},
          {"last_post_at", FormatInstant(t.last_post_at, tz)}};
}

nlohmann::json ThreadPostJson(const ThreadPost& p, const std::string& tz) {
  return {{"id", p.id},
          {"seq", p.seq},
          {"author", {{"kind", AuthorKind(p.author_side)}, {"name", p.author_name}}},
          {"body", p.body},
          {"at", FormatInstant(p.created_at, tz)}};
}

}  // namespace tadaima::api
