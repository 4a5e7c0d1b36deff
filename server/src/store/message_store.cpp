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
#define TADAIMA_ATTACHMENT_COLUMNS "a.id, a.organization_id, a.name, a.content_type, a.size, a.created_by_id, a.created_at"

// --- attachments
constexpr db::Query kInsertAttachment{
    "insert_attachment",
    "INSERT INTO attachments (id, organization_id, name, content_type, size, data, created_by_id, created_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"};
constexpr db::Query kFindAttachments{
    "find_attachments",
    "SELECT " TADAIMA_ATTACHMENT_COLUMNS " FROM attachments a WHERE a.organization_id = $1 AND "
    TADAIMA_IN_JSON("a.id", 2),
    "SELECT " TADAIMA_ATTACHMENT_COLUMNS " FROM attachments a WHERE a.organization_id = $1 AND "
    TADAIMA_IN_JSON_PG("a.id", 2)};
constexpr db::Query kLoadAttachment{
    "load_attachment",
    "SELECT " TADAIMA_ATTACHMENT_COLUMNS ", a.data FROM attachments a WHERE a.organization_id = $1 AND a.id = $2"};
constexpr db::Query kAttachmentReachedFamily{
    "attachment_reached_family",
    "SELECT 1 FROM message_attachments ma JOIN message_recipients r ON r.message_id = ma.message_id"
    " WHERE ma.attachment_id = $1 AND r.family_id = $2 LIMIT 1"};
constexpr db::Query kAttachmentMessageFacilities{
    "attachment_message_facilities",
    "SELECT ma.message_id, mf.facility_id FROM message_attachments ma"
    " JOIN message_facilities mf ON mf.message_id = ma.message_id WHERE ma.attachment_id = $1"
    " ORDER BY ma.message_id, mf.facility_id"};

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

// --- recipients
constexpr db::Query kInsertRecipient{
    "insert_message_recipient",
    "INSERT INTO message_recipients (message_id, family_id, organization_id, notified) VALUES ($1, $2, $3, $4)"};
// PostgreSQL: every family in one statement.
constexpr db::Query kInsertRecipients{
    "insert_message_recipients", "SELECT 'insert_message_recipients runs on PostgreSQL only'",
    "INSERT INTO message_recipients (message_id, family_id, organization_id, notified)"
    " SELECT $1, value, $3, $4 FROM json_array_elements_text($2::json)"};
constexpr db::Query kMessagesToNotify{
    "messages_to_notify",
    "SELECT m.organization_id, m.id FROM messages m WHERE m.status = 'sent'"
    " AND EXISTS (SELECT 1 FROM message_recipients r WHERE r.message_id = m.id AND r.notified = 0)"
    " ORDER BY m.sent_at, m.id LIMIT $1"};
constexpr db::Query kFamiliesToNotify{
    "families_to_notify",
    "SELECT family_id FROM message_recipients WHERE message_id = $1 AND notified = 0 ORDER BY family_id LIMIT $2"};
constexpr db::Query kMarkNotified{
    "mark_families_notified",
    "UPDATE message_recipients SET notified = 1 WHERE message_id = $1 AND " TADAIMA_IN_JSON("family_id", 2),
    "UPDATE message_recipients SET notified = 1 WHERE message_id = $1 AND " TADAIMA_IN_JSON_PG("family_id", 2)};
constexpr db::Query kListReceipts{
    "list_message_receipts",
    "SELECT r.family_id, f.name, r.read_at, r.read_by_name, r.reminders,"
    " EXISTS (SELECT 1 FROM users u JOIN notifications n ON n.user_id = u.id"
    "   WHERE u.family_id = r.family_id AND u.role = 'guardian' AND n.event_key = $3 AND n.status = 'delivered')"
    " FROM message_recipients r JOIN families f ON f.id = r.family_id"
    " WHERE r.organization_id = $1 AND r.message_id = $2 ORDER BY f.name, r.family_id"};
constexpr db::Query kCountReadFamilies{
    "count_read_message_families",
    "SELECT COUNT(*) FROM message_recipients WHERE organization_id = $1 AND message_id = $2 AND read_at IS NOT NULL"};
constexpr db::Query kUnreadFamilies{
    "unread_message_families",
    "SELECT family_id FROM message_recipients WHERE organization_id = $1 AND message_id = $2 AND read_at IS NULL"
    " ORDER BY family_id"};
constexpr db::Query kInsertReminder{
    "insert_message_reminder",
    "INSERT INTO message_reminders (id, message_id, by_id, by_name, families, at) VALUES ($1, $2, $3, $4, $5, $6)"};
constexpr db::Query kCountReminded{
    "count_reminded_families",
    "UPDATE message_recipients SET reminders = reminders + 1 WHERE organization_id = $1 AND message_id = $2"
    " AND " TADAIMA_IN_JSON("family_id", 3),
    "UPDATE message_recipients SET reminders = reminders + 1 WHERE organization_id = $1 AND message_id = $2"
    " AND " TADAIMA_IN_JSON_PG("family_id", 3)};
constexpr db::Query kMarkRead{
    "mark_message_read",
    "UPDATE message_recipients SET read_at = $4, read_by_id = $5, read_by_name = $6"
    " WHERE organization_id = $1 AND message_id = $2 AND family_id = $3 AND read_at IS NULL"};

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

// --- the outbox
// Like kFamilyRecipients (outbox_store.cpp) for many families.
constexpr db::Query kRecipientsOfFamilies{
    "recipients_of_families",
    "SELECT u.family_id, u.id, u.email, p.user_id IS NOT NULL, " TADAIMA_PREFERENCE_COLUMNS ", s.id"
    " FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id"
    " LEFT JOIN push_subscriptions s ON s.user_id = u.id"
    " WHERE u.organization_id = $1 AND u.role = 'guardian' AND " TADAIMA_IN_JSON("u.family_id", 2)
    " ORDER BY u.family_id, u.id, s.id",
    "SELECT u.family_id, u.id, u.email, p.user_id IS NOT NULL, " TADAIMA_PREFERENCE_COLUMNS ", s.id"
    " FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id"
    " LEFT JOIN push_subscriptions s ON s.user_id = u.id"
    " WHERE u.organization_id = $1 AND u.role = 'guardian' AND " TADAIMA_IN_JSON_PG("u.family_id", 2)
    " ORDER BY u.family_id, u.id, s.id"};

Attachment AttachmentFrom(const db::Row& r, size_t i) {
  Attachment a;
  a.id = r.Text(i);
  a.organization_id = r.Text(i + 1);
  a.name = r.Text(i + 2);
  a.content_type = r.Text(i + 3);
  a.size = r.Int(i + 4);
  a.created_by_id = r.Text(i + 5);
  a.created_at = r.Int(i + 6);
  return a;
}

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

Status InsertAttachment(db::Tx& tx, const Attachment& a, const std::string& data) {
  TRY(tx.Exec(kInsertAttachment, {a.id, a.organization_id, a.name, a.content_type, a.size, data, a.created_by_id,
                                  a.created_at}));
  return {};
}

Result<std::vector<Attachment>> FindAttachments(db::Tx& tx, const std::string& organization_id,
                                                const std::vector<std::string>& ids) {
  std::vector<Attachment> out;
  if (ids.empty()) return out;
  for (const auto& r : TRY(tx.Exec(kFindAttachments, {organization_id, nlohmann::json(ids).dump()})).rows)
    out.push_back(AttachmentFrom(r, 0));
  return out;
}

Result<std::optional<std::pair<Attachment, std::string>>> LoadAttachment(db::Tx& tx,
                                                                        const std::string& organization_id,
                                                                        const std::string& id) {
  auto rs = TRY(tx.Exec(kLoadAttachment, {organization_id, id}));
  if (rs.empty()) return std::optional<std::pair<Attachment, std::string>>();
  return std::optional(std::make_pair(AttachmentFrom(rs.rows[0], 0), rs.rows[0].Text(7)));
}

Result<bool> AttachmentReachedFamily(db::Tx& tx, const std::string& attachment_id, const std::string& family_id) {
  return !TRY(tx.Exec(kAttachmentReachedFamily, {attachment_id, family_id})).empty();
}

Result<std::vector<std::vector<std::string>>> AttachmentMessageFacilities(db::Tx& tx,
                                                                         const std::string& attachment_id) {
  std::vector<std::vector<std::string>> out;
  std::string last;
  for (const auto& r : TRY(tx.Exec(kAttachmentMessageFacilities, {attachment_id})).rows) {
    if (out.empty() || r.Text(0) != last) out.emplace_back();
    last = r.Text(0);
    out.back().push_back(r.Text(1));
  }
  return out;
}

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

Status InsertRecipients(db::Tx& tx, const std::string& organization_id, const std::string& message_id,
                        const std::vector<std::string>& family_ids, bool notified) {
  if (family_ids.empty()) return {};
  const int64_t flag = notified ? 1 : 0;
  if (tx.dialect() == db::Dialect::kPostgres) {
    TRY(tx.Exec(kInsertRecipients, {message_id, nlohmann::json(family_ids).dump(), organization_id, flag}));
    return {};
  }
  // SQLite: each statement is a quick call into the library, no round trip.
  for (const auto& f : family_ids) TRY(tx.Exec(kInsertRecipient, {message_id, f, organization_id, flag}));
  return {};
}

Result<std::vector<std::pair<std::string, std::string>>> MessagesToNotify(db::Tx& tx, int limit) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : TRY(tx.Exec(kMessagesToNotify, {int64_t{limit}})).rows) out.emplace_back(r.Text(0), r.Text(1));
  return out;
}

Result<std::vector<std::string>> FamiliesToNotify(db::Tx& tx, const std::string& message_id, int limit) {
  std::vector<std::string> out;
  for (const auto& r : TRY(tx.Exec(kFamiliesToNotify, {message_id, int64_t{limit}})).rows) out.push_back(r.Text(0));
  return out;
}

Status MarkNotified(db::Tx& tx, const std::string& message_id, const std::vector<std::string>& family_ids) {
  if (family_ids.empty()) return {};
  TRY(tx.Exec(kMarkNotified, {message_id, nlohmann::json(family_ids).dump()}));
  return {};
}

Result<std::vector<ReceiptRow>> ListReceipts(db::Tx& tx, const std::string& organization_id,
                                             const std::string& message_id, const std::string& event_key) {
  std::vector<ReceiptRow> out;
  for (const auto& r : TRY(tx.Exec(kListReceipts, {organization_id, message_id, event_key})).rows) {
    ReceiptRow row;
    row.receipt.family_id = r.Text(0);
    row.receipt.family_name = r.Text(1);
    row.receipt.read_at = IntOrNull(r, 2);
    row.receipt.read_by_name = r.OptText(3);
    row.receipt.reminders = static_cast<int>(r.Int(4));
    row.delivered = r.Bool(5);
    out.push_back(std::move(row));
  }
  return out;
}

Result<int64_t> CountReadFamilies(db::Tx& tx, const std::string& organization_id, const std::string& message_id) {
  return TRY(tx.Exec(kCountReadFamilies, {organization_id, message_id})).rows.at(0).Int(0);
}

Result<std::vector<std::string>> UnreadFamilies(db::Tx& tx, const std::string& organization_id,
                                                const std::string& message_id) {
  std::vector<std::string> out;
  for (const auto& r : TRY(tx.Exec(kUnreadFamilies, {organization_id, message_id})).rows) out.push_back(r.Text(0));
  return out;
}

Status RecordReminder(db::Tx& tx, const std::string& organization_id, const std::string& message_id,
                      const std::string& reminder_id, const Actor& by, const std::vector<std::string>& family_ids,
                      int64_t now) {
  TRY(tx.Exec(kInsertReminder,
              {reminder_id, message_id, by.user_id, by.name, static_cast<int64_t>(family_ids.size()), now}));
  if (!family_ids.empty())
    TRY(tx.Exec(kCountReminded, {organization_id, message_id, nlohmann::json(family_ids).dump()}));
  return {};
}

Result<bool> MarkMessageRead(db::Tx& tx, const std::string& organization_id, const std::string& message_id,
                             const std::string& family_id, const Actor& by, int64_t now) {
  return TRY(tx.Exec(kMarkRead, {organization_id, message_id, family_id, now, by.user_id, by.name})).affected > 0;
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

Result<std::vector<FamilyRecipient>> RecipientsOfFamilies(db::Tx& tx, const std::string& organization_id,
                                                          const std::vector<std::string>& family_ids) {
  std::vector<FamilyRecipient> out;
  if (family_ids.empty()) return out;
  for (const auto& r : TRY(tx.Exec(kRecipientsOfFamilies, {organization_id, nlohmann::json(family_ids).dump()})).rows) {
    FamilyRecipient fr;
    fr.family_id = r.Text(0);
    fr.recipient.user_id = r.Text(1);
    fr.recipient.email = r.OptText(2);
    if (r.Bool(3)) fr.recipient.preferences = PreferencesFrom(r, 4);
    fr.recipient.subscription_id = r.OptText(13).value_or("");
    out.push_back(std::move(fr));
  }
  return out;
}

}  // namespace tadaima::store
