// Messages (お知らせ) and emergency notices — API.md "Messages": staff send a
// title and body, with attachments, to an audience (service/audiences.h) now
// or at a time; each family the message reaches gets a receipt, read once any
// of its guardians opens it; staff remind the families that have not read it.
//
// Sending writes the message, the receipts and the outbox rows (every
// guardian, every channel the sender chose and the guardian keeps on) in one
// transaction, so a crash sends nothing twice and loses nothing; the workers
// deliver afterwards. To many families (a whole city) the send commits the
// message and the receipts, and FanOut writes the outbox rows in batches
// right after (decision 0011). An emergency notice goes at once on every channel,
// quiet hours ignored, and shows as a banner until staff end it.
//
// Staff see a message when they may manage it (rules/permissions.h
// CanManageMessage); guardians only the messages that reached their family,
// without the audience or the receipts. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/message.h"
#include "service/audiences.h"
#include "service/context.h"

namespace tadaima::service {

struct SendMessageInput {
  std::string title, body;
  std::string priority = "normal";  // normal | emergency
  Audience audience;
  std::vector<std::string> channels;  // push | email | inapp
  std::optional<int64_t> send_at;     // absent: now
  std::vector<std::string> attachment_ids;
  std::optional<std::string> client_id;
};

struct SentMessage {
  Message message;
  AudienceCount recipients;  // scheduled: whom it would reach today
  bool replayed = false;     // the client_id was seen before: the first message again
};

// A message as one reader sees it: staff with the read count, a guardian
// with when their family read it.
struct MessageView {
  Message message;
  int64_t read_families = 0;
  std::optional<int64_t> read_at;
};

struct MessagePage {
  std::vector<MessageView> items;
  std::optional<std::string> next_cursor;
};

struct MessageListFilter {
  std::optional<std::string> facility_id;
  std::optional<std::string> status;  // scheduled | sent | cancelled
  std::string cursor;
  int limit = 50;
};

struct ReceiptLine {
  MessageReceipt receipt;
  bool delivered = false;
};
struct ReceiptList {
  std::vector<ReceiptLine> items;
  int64_t families = 0, read_families = 0;
};

struct AttachmentFile {
  Attachment attachment;
  std::string bytes;
};

class Messages : AreaService {
 public:
  Messages(Context& ctx, Audiences& audiences) : AreaService(ctx), audiences_(audiences) {}

  // POST /messages. Staff; a client_id seen before answers the first message.
  Result<SentMessage> Send(const Actor& actor, const SendMessageInput& in);
  // GET /messages: the messages the actor may manage, newest first.
  Result<MessagePage> List(const Actor& actor, const MessageListFilter& filter);
  // GET /messages/{id}: staff who may manage it, guardians it reached.
  Result<MessageView> Get(const Actor& actor, const std::string& id);
  // DELETE /messages/{id}: a scheduled message is cancelled (conflict already_sent).
  Status Cancel(const Actor& actor, const std::string& id);
  // POST /messages/{id}/end: an emergency notice stops showing as a banner.
  Result<Message> End(const Actor& actor, const std::string& id);
  // GET /messages/{id}/receipts.
  Result<ReceiptList> Receipts(const Actor& actor, const std::string& id);
  // POST /messages/{id}/remind: sends again to the families that have not
  // read it; returns how many it reached (recorded, even when none).
  Result<int64_t> Remind(const Actor& actor, const std::string& id);

  // GET /me/messages: the messages that reached the guardian's family.
  Result<MessagePage> Mine(const Actor& actor, const std::string& cursor, int limit);
  // POST /me/messages/{id}/read: the family has read it; again is harmless.
  Status MarkRead(const Actor& actor, const std::string& id);
  // GET /emergencies: the unended emergency notices the actor is shown — a
  // guardian its family's, a kiosk its facility's, staff those they manage.
  Result<std::vector<Message>> Emergencies(const Actor& actor);

  // POST /attachments: staff upload a file for a message.
  Result<Attachment> Upload(const Actor& actor, const std::string& name, const std::string& content_type,
                            const std::string& bytes);
  // GET /attachments/{id}: the uploader, an org_admin, staff who manage a
  // message with it, guardians of a family a sent message with it reached.
  Result<AttachmentFile> Download(const Actor& actor, const std::string& id);

  // The job: sends the scheduled messages that are due (each in its own
  // transaction; a message another server process sent first is skipped).
  Result<int> SendDue();
  // Writes the outbox rows of the families a sent message reached but not yet
  // told — a message to more than Settings::message_batch_families families
  // is sent without them — that many families per transaction, each marking
  // the families it told, so a crash between two loses and repeats none.
  // Several processes may run it at once (the rows are unique per event).
  // Returns how many families it told.
  Result<int64_t> FanOut();

 private:
  // After a commit: the in-app rows to the dispatcher; `fan_out`: rows are left for FanOut.
  void Announce(const std::vector<Notification>& inbox, bool fan_out) const;

  Audiences& audiences_;
};

}  // namespace tadaima::service
