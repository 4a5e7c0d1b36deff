#include "store/message_receipt_store.h"

#include <nlohmann/json.hpp>

#include "store/notification_rows.h"
#include "store/rows.h"

namespace tadaima::store {
namespace {

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

}  // namespace

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
