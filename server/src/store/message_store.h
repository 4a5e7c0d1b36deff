// Messages and what a family sees of them (sql/migrations/*/0007_messages.sql);
// their receipts are in store/message_receipt_store.h, the files in
// store/attachment_store.h.
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

namespace tadaima::store {

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

}  // namespace tadaima::store
