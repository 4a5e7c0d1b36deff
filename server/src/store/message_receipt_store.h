// A message's receipts (message_recipients, one row per family it reached),
// reminders and read marks, the fan-out's progress through them, and the
// guardians the outbox writes to (sql/migrations/*/0007_messages.sql). Every
// query takes the organization id or a message id found through it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "model/message.h"
#include "store/outbox_store.h"

namespace tadaima::store {

// One receipt row per family (the families of the organization, each once);
// `notified`: their outbox rows are written in this transaction too.
Status InsertRecipients(db::Tx& tx, const std::string& organization_id, const std::string& message_id,
                        const std::vector<std::string>& family_ids, bool notified);
// --- the fan-out of a message to many families
// Sent messages with families whose outbox rows are not written yet, oldest
// first: (organization id, message id).
Result<std::vector<std::pair<std::string, std::string>>> MessagesToNotify(db::Tx& tx, int limit);
// Up to `limit` of the message's families not notified yet, by id.
Result<std::vector<std::string>> FamiliesToNotify(db::Tx& tx, const std::string& message_id, int limit);
// Marks the families notified.
Status MarkNotified(db::Tx& tx, const std::string& message_id, const std::vector<std::string>& family_ids);

// Every family the message reached, by family name; `delivered`: a
// notification of the message (not its reminders) to one of the family's
// guardians was delivered.
struct ReceiptRow {
  MessageReceipt receipt;
  bool delivered = false;
};
Result<std::vector<ReceiptRow>> ListReceipts(db::Tx& tx, const std::string& organization_id,
                                             const std::string& message_id, const std::string& event_key);
// How many of the families it reached have read it.
Result<int64_t> CountReadFamilies(db::Tx& tx, const std::string& organization_id, const std::string& message_id);
// The families the message reached that have not read it.
Result<std::vector<std::string>> UnreadFamilies(db::Tx& tx, const std::string& organization_id,
                                                const std::string& message_id);
// Records a press of "remind" and counts it on each family's receipt.
Status RecordReminder(db::Tx& tx, const std::string& organization_id, const std::string& message_id,
                      const std::string& reminder_id, const Actor& by, const std::vector<std::string>& family_ids,
                      int64_t now);
// The family has read it (the first guardian to open it is kept); false when
// it had already, or the message did not reach the family.
Result<bool> MarkMessageRead(db::Tx& tx, const std::string& organization_id, const std::string& message_id,
                             const std::string& family_id, const Actor& by, int64_t now);

// What the outbox writes for a message: // The guardians of the families, as FamilyRecipients (outbox_store.h) gives
// them for one, ordered by family, user and subscription.
struct FamilyRecipient {
  std::string family_id;
  Recipient recipient;
};
Result<std::vector<FamilyRecipient>> RecipientsOfFamilies(db::Tx& tx, const std::string& organization_id,
                                                          const std::vector<std::string>& family_ids);

}  // namespace tadaima::store
