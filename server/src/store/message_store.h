// Messages, their attachments and receipts (sql/migrations/*/0007_messages.sql).
//
// Contracts: every query takes the organization id, and rows of another
// organization are never returned or changed. A message's status goes
// scheduled -> sent | cancelled once: the updates that move it say whether
// they did (false: another request or server process moved it first). Lists
// are newest first (id descending) and page on with `before_id`.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "db/database.h"
#include "model/message.h"
#include "store/outbox_store.h"

namespace tadaima::store {

// --- attachments
// `data`: the file's bytes, base64url; "" when they are kept as a file in the
// attachment directory (store/attachment_files.h).
Status InsertAttachment(db::Tx& tx, const Attachment& a, const std::string& data);
// The organization's attachments among `ids` (metadata only), in no order.
Result<std::vector<Attachment>> FindAttachments(db::Tx& tx, const std::string& organization_id,
                                                const std::vector<std::string>& ids);
// The attachment with its bytes (base64).
Result<std::optional<std::pair<Attachment, std::string>>> LoadAttachment(db::Tx& tx,
                                                                        const std::string& organization_id,
                                                                        const std::string& id);
// Whether a sent message with the attachment reached the family.
Result<bool> AttachmentReachedFamily(db::Tx& tx, const std::string& attachment_id, const std::string& family_id);
// The facilities of each message the attachment is attached to.
Result<std::vector<std::vector<std::string>>> AttachmentMessageFacilities(db::Tx& tx,
                                                                         const std::string& attachment_id);

// --- messages
// Inserts the message with its facilities and attachments. A message of the
// organization with the same client_id exists: conflict.
Status InsertMessage(db::Tx& tx, const Message& m);
Result<std::optional<Message>> FindMessage(db::Tx& tx, const std::string& organization_id, const std::string& id);
Result<std::optional<Message>> FindMessageByClientId(db::Tx& tx, const std::string& organization_id,
                                                     const std::string& client_id);

struct MessageQuery {
  std::string organization_id;
  // facility_staff: only messages whose facilities are all among these.
  std::optional<std::vector<std::string>> within_facilities;
  std::optional<std::string> facility_id;  // only messages addressing it
  std::optional<std::string> status;
  std::optional<std::string> before_id;
  int limit = 50;
};
struct MessageWithReads {
  Message message;
  int64_t read_families = 0;
};
Result<std::vector<MessageWithReads>> ListMessages(db::Tx& tx, const MessageQuery& q);

// scheduled -> sent, with what it reached.
Result<bool> MarkMessageSent(db::Tx& tx, const std::string& id, int64_t now, int64_t families, int64_t guardians);
// scheduled -> cancelled.
Result<bool> CancelMessage(db::Tx& tx, const std::string& organization_id, const std::string& id, int64_t now);
// An emergency notice that was sent and not ended yet is ended.
Result<bool> EndMessage(db::Tx& tx, const std::string& organization_id, const std::string& id, int64_t now,
                        const std::string& by_name);
// Scheduled messages of every organization due at `now`, soonest first: (organization id, id).
Result<std::vector<std::pair<std::string, std::string>>> DueMessages(db::Tx& tx, int64_t now, int limit);
// Sent emergency notices not ended yet, newest first; with `facility_id`,
// only those addressing it.
Result<std::vector<Message>> ActiveEmergencies(db::Tx& tx, const std::string& organization_id,
                                               const std::optional<std::string>& facility_id);

// --- recipients and receipts
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

// --- what a family sees
struct FamilyMessage {
  Message message;
  std::optional<int64_t> read_at;
};
// The sent messages that reached the family, newest first.
Result<std::vector<FamilyMessage>> ListFamilyMessages(db::Tx& tx, const std::string& organization_id,
                                                      const std::string& family_id,
                                                      const std::optional<std::string>& before_id, int limit);
// One of them; nullopt when the message did not reach the family.
Result<std::optional<FamilyMessage>> FindFamilyMessage(db::Tx& tx, const std::string& organization_id,
                                                       const std::string& family_id, const std::string& id);
// The family's unended emergency notices, newest first.
Result<std::vector<Message>> FamilyEmergencies(db::Tx& tx, const std::string& organization_id,
                                               const std::string& family_id);

// --- what the outbox writes for a message
// The guardians of the families, as FamilyRecipients (outbox_store.h) gives
// them for one, ordered by family, user and subscription.
struct FamilyRecipient {
  std::string family_id;
  Recipient recipient;
};
Result<std::vector<FamilyRecipient>> RecipientsOfFamilies(db::Tx& tx, const std::string& organization_id,
                                                          const std::vector<std::string>& family_ids);

}  // namespace tadaima::store
