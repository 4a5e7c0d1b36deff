#include "store/message_store.h"

#include <map>

#include <nlohmann/json.hpp>

#include "rules/audience.h"
#include "rules/messages.h"
#include "store/notification_rows.h"
#include "store/rows.h"

namespace tadaima::store {
namespace {

#define TADAIMA_MESSAGE_COLUMNS                                                                                   \
  "m.id, m.organization_id, m.title, m.body, m.priority, m.audience, m.channels, m.status, m.send_at, m.sent_at," \
  " m.cancelled_at, m.ended_at, m.ended_by_name, m.families, m.guardians, m.client_id, m.created_by_id,"          \
  " m.created_by_name, m.created_at, m.updated_at"
constexpr size_t kMessageColumns = 20;

// --- messages
constexpr db::Query kInsertMessage{
    "insert_message",
    "INSERT INTO messages (id, organization_id, title, body, priority, audience, channels, status, send_at, sent_at,"
    " families, guardians, client_id, created_by_id, created_by_name, created_at, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)"};
constexpr db::Query kInsertMessageFacility{
    "insert_message_facility", "INSERT INTO message_facilities (message_id, facility_id) VALUES ($1, $2)"};
constexpr db::Query kInsertMessageAttachment{
    "insert_message_attachment",
    "INSERT INTO message_attachments (message_id, attachment_id, position) VALUES ($1, $2, $3)"};
constexpr db::Query kFindMessage{
    "find_message", "SELECT " TADAIMA_MESSAGE_COLUMNS " FROM messages m WHERE m.organization_id = $1 AND m.id = $2"};
constexpr db::Query kFindMessageByClientId{
    "find_message_by_client_id",
    "SELECT " TADAIMA_MESSAGE_COLUMNS " FROM messages m WHERE m.organization_id = $1 AND m.client_id = $2"};
constexpr db::Query kFacilitiesOfMessages{
    "facilities_of_messages",
    "SELECT message_id, facility_id FROM message_facilities WHERE " TADAIMA_IN_JSON("message_id", 1)
    " ORDER BY message_id, facility_id",
    "SELECT message_id, facility_id FROM message_facilities WHERE " TADAIMA_IN_JSON_PG("message_id", 1)
    " ORDER BY message_id, facility_id"};
constexpr db::Query kAttachmentsOfMessages{
    "attachments_of_messages",
    "SELECT ma.message_id, " TADAIMA_ATTACHMENT_COLUMNS " FROM message_attachments ma"
    " JOIN attachments a ON a.id = ma.attachment_id WHERE " TADAIMA_IN_JSON("ma.message_id", 1)
    " ORDER BY ma.message_id, ma.position",
    "SELECT ma.message_id, " TADAIMA_ATTACHMENT_COLUMNS " FROM message_attachments ma"
    " JOIN attachments a ON a.id = ma.attachment_id WHERE " TADAIMA_IN_JSON_PG("ma.message_id", 1)
    " ORDER BY ma.message_id, ma.position"};
// $2: facility_staff's facilities as a JSON array ('' for everyone); $3: one
// facility ('' for any); $4: a status ('' for any); $5: the page's last id ('' for the first).
constexpr db::Query kListMessages{
    "list_messages",
    "SELECT " TADAIMA_MESSAGE_COLUMNS ","
    " (SELECT COUNT(*) FROM message_recipients r WHERE r.message_id = m.id AND r.read_at IS NOT NULL)"
    " FROM messages m WHERE m.organization_id = $1"
    " AND ($2 = '' OR NOT EXISTS (SELECT 1 FROM message_facilities mf WHERE mf.message_id = m.id"
    "   AND mf.facility_id NOT IN (SELECT value FROM json_each(CASE WHEN $2 = '' THEN '[]' ELSE $2 END))))"
    " AND ($3 = '' OR EXISTS (SELECT 1 FROM message_facilities mf WHERE mf.message_id = m.id AND mf.facility_id = $3))"
    " AND ($4 = '' OR m.status = $4) AND ($5 = '' OR m.id < $5)"
    " ORDER BY m.id DESC LIMIT $6",
    "SELECT " TADAIMA_MESSAGE_COLUMNS ","
    " (SELECT COUNT(*) FROM message_recipients r WHERE r.message_id = m.id AND r.read_at IS NOT NULL)"
    " FROM messages m WHERE m.organization_id = $1"
    " AND ($2 = '' OR NOT EXISTS (SELECT 1 FROM message_facilities mf WHERE mf.message_id = m.id"
    "   AND mf.facility_id <> ALL (ARRAY(SELECT json_array_elements_text(CASE WHEN $2 = '' THEN '[]' ELSE $2"
    " END::json)))))"
    " AND ($3 = '' OR EXISTS (SELECT 1 FROM message_facilities mf WHERE mf.message_id = m.id AND mf.facility_id = $3))"
    " AND ($4 = '' OR m.status = $4) AND ($5 = '' OR m.id < $5)"
    " ORDER BY m.id DESC LIMIT $6"};
constexpr db::Query kMarkMessageSent{
    "mark_message_sent",
    "UPDATE messages SET status = 'sent', sent_at = $2, families = $3, guardians = $4, updated_at = $2"
    " WHERE id = $1 AND status = 'scheduled'"};
constexpr db::Query kCancelMessage{
    "cancel_message",
    "UPDATE messages SET status = 'cancelled', cancelled_at = $3, updated_at = $3"
    " WHERE organization_id = $1 AND id = $2 AND status = 'scheduled'"};
constexpr db::Query kEndMessage{
    "end_message",
    "UPDATE messages SET ended_at = $3, ended_by_name = $4, updated_at = $3"
    " WHERE organization_id = $1 AND id = $2 AND status = 'sent' AND priority = 'emergency' AND ended_at IS NULL"};
constexpr db::Query kDueMessages{
    "due_messages",
    "SELECT organization_id, id FROM messages WHERE status = 'scheduled' AND send_at <= $1"
    " ORDER BY send_at, id LIMIT $2"};
constexpr db::Query kActiveEmergencies{
    "active_emergencies",
    "SELECT " TADAIMA_MESSAGE_COLUMNS " FROM messages m WHERE m.organization_id = $1 AND m.status = 'sent'"
    " AND m.priority = 'emergency' AND m.ended_at IS NULL"
    " AND ($2 = '' OR EXISTS (SELECT 1 FROM message_facilities mf WHERE mf.message_id = m.id AND mf.facility_id = $2))"
    " ORDER BY m.id DESC LIMIT 20"};
// --- a family's messages
constexpr db::Query kFamilyMessages{
    "family_messages",
    "SELECT " TADAIMA_MESSAGE_COLUMNS ", r.read_at FROM message_recipients r JOIN messages m ON m.id = r.message_id"
    " WHERE r.family_id = $2 AND r.organization_id = $1 AND ($3 = '' OR r.message_id < $3)"
    " ORDER BY r.message_id DESC LIMIT $4"};
constexpr db::Query kFamilyMessage{
    "family_message",
    "SELECT " TADAIMA_MESSAGE_COLUMNS ", r.read_at FROM message_recipients r JOIN messages m ON m.id = r.message_id"
    " WHERE r.family_id = $2 AND r.organization_id = $1 AND r.message_id = $3"};
constexpr db::Query kFamilyEmergencies{
    "family_emergencies",
    "SELECT " TADAIMA_MESSAGE_COLUMNS " FROM message_recipients r JOIN messages m ON m.id = r.message_id"
    " WHERE r.family_id = $2 AND r.organization_id = $1 AND m.priority = 'emergency' AND m.ended_at IS NULL"
    " ORDER BY r.message_id DESC LIMIT 20"};
Message MessageFrom(const db::Row& r) {
  Message m;
  m.id = r.Text(0);
  m.organization_id = r.Text(1);
  m.title = r.Text(2);
  m.body = r.Text(3);
  m.emergency = r.Text(4) == "emergency";
  m.audience = AudienceFromJson(nlohmann::json::parse(r.Text(5), nullptr, false));
  m.channels = SplitChannels(r.Text(6));
  m.status = r.Text(7);
  m.send_at = r.Int(8);
  m.sent_at = IntOrNull(r, 9);
  m.cancelled_at = IntOrNull(r, 10);
  m.ended_at = IntOrNull(r, 11);
  m.ended_by_name = r.OptText(12);
  m.families = r.Int(13);
  m.guardians = r.Int(14);
  m.client_id = r.OptText(15);
  m.created_by_id = r.Text(16);
  m.created_by_name = r.Text(17);
  m.created_at = r.Int(18);
  m.updated_at = r.Int(19);
  return m;
}

// Fills in the facilities and attachments of `messages`.
Status LoadParts(db::Tx& tx, std::vector<Message*> messages) {
  if (messages.empty()) return {};
  std::map<std::string, Message*> by_id;
  nlohmann::json ids = nlohmann::json::array();
  for (auto* m : messages) {
    by_id[m->id] = m;
    ids.push_back(m->id);
  }
  const std::string list = ids.dump();
  for (const auto& r : TRY(tx.Exec(kFacilitiesOfMessages, {list})).rows)
    if (auto it = by_id.find(r.Text(0)); it != by_id.end()) it->second->facility_ids.push_back(r.Text(1));
  for (const auto& r : TRY(tx.Exec(kAttachmentsOfMessages, {list})).rows)
    if (auto it = by_id.find(r.Text(0)); it != by_id.end()) it->second->attachments.push_back(AttachmentFrom(r, 1));
  return {};
}

Result<std::optional<Message>> OneMessage(db::Tx& tx, const db::Query& q, const db::Params& params) {
  auto rs = TRY(tx.Exec(q, params));
  if (rs.empty()) return std::optional<Message>();
  Message m = MessageFrom(rs.rows[0]);
  TRY_STATUS(LoadParts(tx, {&m}));
  return std::optional<Message>(std::move(m));
}

Result<std::vector<Message>> ManyMessages(db::Tx& tx, const db::Query& q, const db::Params& params) {
  std::vector<Message> out;
  for (const auto& r : TRY(tx.Exec(q, params)).rows) out.push_back(MessageFrom(r));
  std::vector<Message*> parts;
  for (auto& m : out) parts.push_back(&m);
  TRY_STATUS(LoadParts(tx, parts));
  return out;
}
}  // namespace

Status InsertMessage(db::Tx& tx, const Message& m) {
  TRY(tx.Exec(kInsertMessage,
              {m.id, m.organization_id, m.title, m.body, std::string(m.emergency ? "emergency" : "normal"),
               AudienceJson(m.audience).dump(), JoinChannels(m.channels), m.status, m.send_at, OptInt(m.sent_at),
               m.families, m.guardians, db::Opt(m.client_id), m.created_by_id, m.created_by_name, m.created_at}));
  for (const auto& f : m.facility_ids) TRY(tx.Exec(kInsertMessageFacility, {m.id, f}));
  for (size_t i = 0; i < m.attachments.size(); ++i)
    TRY(tx.Exec(kInsertMessageAttachment, {m.id, m.attachments[i].id, static_cast<int64_t>(i)}));
  return {};
}

Result<std::optional<Message>> FindMessage(db::Tx& tx, const std::string& organization_id, const std::string& id) {
  return OneMessage(tx, kFindMessage, {organization_id, id});
}

Result<std::optional<Message>> FindMessageByClientId(db::Tx& tx, const std::string& organization_id,
                                                     const std::string& client_id) {
  return OneMessage(tx, kFindMessageByClientId, {organization_id, client_id});
}

Result<std::vector<MessageWithReads>> ListMessages(db::Tx& tx, const MessageQuery& q) {
  const std::string within = q.within_facilities ? nlohmann::json(*q.within_facilities).dump() : "";
  auto rs = TRY(tx.Exec(kListMessages, {q.organization_id, within, q.facility_id.value_or(""),
                                        q.status.value_or(""), q.before_id.value_or(""), int64_t{q.limit}}));
  std::vector<MessageWithReads> out;
  for (const auto& r : rs.rows) out.push_back({MessageFrom(r), r.Int(kMessageColumns)});
  std::vector<Message*> parts;
  for (auto& m : out) parts.push_back(&m.message);
  TRY_STATUS(LoadParts(tx, parts));
  return out;
}

Result<bool> MarkMessageSent(db::Tx& tx, const std::string& id, int64_t now, int64_t families, int64_t guardians) {
  return TRY(tx.Exec(kMarkMessageSent, {id, now, families, guardians})).affected > 0;
}

Result<bool> CancelMessage(db::Tx& tx, const std::string& organization_id, const std::string& id, int64_t now) {
  return TRY(tx.Exec(kCancelMessage, {organization_id, id, now})).affected > 0;
}

Result<bool> EndMessage(db::Tx& tx, const std::string& organization_id, const std::string& id, int64_t now,
                        const std::string& by_name) {
  return TRY(tx.Exec(kEndMessage, {organization_id, id, now, by_name})).affected > 0;
}

Result<std::vector<std::pair<std::string, std::string>>> DueMessages(db::Tx& tx, int64_t now, int limit) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : TRY(tx.Exec(kDueMessages, {now, int64_t{limit}})).rows) out.emplace_back(r.Text(0), r.Text(1));
  return out;
}

Result<std::vector<Message>> ActiveEmergencies(db::Tx& tx, const std::string& organization_id,
                                               const std::optional<std::string>& facility_id) {
  return ManyMessages(tx, kActiveEmergencies, {organization_id, facility_id.value_or("")});
}
Result<std::vector<FamilyMessage>> ListFamilyMessages(db::Tx& tx, const std::string& organization_id,
                                                      const std::string& family_id,
                                                      const std::optional<std::string>& before_id, int limit) {
  std::vector<FamilyMessage> out;
  auto rs = TRY(tx.Exec(kFamilyMessages, {organization_id, family_id, before_id.value_or(""), int64_t{limit}}));
  for (const auto& r : rs.rows) out.push_back({MessageFrom(r), IntOrNull(r, kMessageColumns)});
  std::vector<Message*> parts;
  for (auto& m : out) parts.push_back(&m.message);
  TRY_STATUS(LoadParts(tx, parts));
  return out;
}

Result<std::optional<FamilyMessage>> FindFamilyMessage(db::Tx& tx, const std::string& organization_id,
                                                       const std::string& family_id, const std::string& id) {
  auto rs = TRY(tx.Exec(kFamilyMessage, {organization_id, family_id, id}));
  if (rs.empty()) return std::optional<FamilyMessage>();
  FamilyMessage out{MessageFrom(rs.rows[0]), IntOrNull(rs.rows[0], kMessageColumns)};
  TRY_STATUS(LoadParts(tx, {&out.message}));
  return std::optional<FamilyMessage>(std::move(out));
}

Result<std::vector<Message>> FamilyEmergencies(db::Tx& tx, const std::string& organization_id,
                                               const std::string& family_id) {
  return ManyMessages(tx, kFamilyEmergencies, {organization_id, family_id});
}
}  // namespace tadaima::store
