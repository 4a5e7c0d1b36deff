#include "service/messages.h"

#include <algorithm>
#include <set>

#include <spdlog/spdlog.h>

#include "base/ids.h"
#include "base/reasons.h"
#include "notify/outbox.h"
#include "rules/messages.h"
#include "rules/permissions.h"
#include "store/attachment_store.h"
#include "store/message_receipt_store.h"
#include "store/message_store.h"
#include "store/organization_store.h"

namespace tadaima::service {
namespace {

const Error kNotFound = Error::NotFound("message not found");

std::string EventKey(const std::string& message_id) { return "message:" + message_id; }

// The message when `actor` (staff) may manage it; not_found otherwise.
Result<Message> ManagedMessage(db::Tx& tx, const Actor& actor, const std::string& id) {
  TRY_STATUS(RequireStaff(actor));
  auto m = TRY(store::FindMessage(tx, actor.organization_id, id));
  if (!m || !CanManageMessage(actor, m->facility_ids)) return Fail(kNotFound);
  return std::move(*m);
}

// Checks what is typed and chosen (no database): fills in `m`.
Status CheckInput(const SendMessageInput& in, int64_t now, Message& m, std::vector<std::string>& attachment_ids) {
  FieldErrors errs;
  m.title = TrimSpaces(in.title);
  m.body = NormalizeMessageText(in.body);
  CheckMessageText(m.title, m.body, errs);
  if (in.priority != "normal" && in.priority != "emergency")
    errs.Add("priority", reason::NotAChoice({"normal", "emergency"}));
  m.emergency = in.priority == "emergency";
  m.channels = ParseChannels(in.channels, "channels", errs);
  if (m.emergency) m.channels = {true, true, true};
  if (in.send_at) {
    if (m.emergency) errs.Add("send_at", reason::kEmergencyAtOnce);
    else if (*in.send_at <= now) errs.Add("send_at", reason::kNotFuture);
    else if (*in.send_at > now + kMessageMaxScheduleMs) errs.Add("send_at", reason::kBeyondAYear);
  }
  if (in.client_id && !IsUuid(*in.client_id)) errs.Add("client_id", reason::kNotUuid);
  for (const auto& id : in.attachment_ids)
    if (std::find(attachment_ids.begin(), attachment_ids.end(), id) == attachment_ids.end())
      attachment_ids.push_back(id);
  if (attachment_ids.size() > kMessageMaxAttachments) errs.Add("attachment_ids", reason::kTooManyAttachments);
  return errs.ToStatus();
}

// The attachments named, in order: the organization's, and (facility staff)
// their own uploads; others answer not_found naming the first.
Result<std::vector<Attachment>> NamedAttachments(db::Tx& tx, const Actor& actor, const std::vector<std::string>& ids,
                                                 const std::vector<std::string>& given) {
  const auto found = TRY(store::FindAttachments(tx, actor.organization_id, ids));
  std::vector<Attachment> out;
  for (const auto& id : ids) {
    auto it = std::find_if(found.begin(), found.end(), [&](const Attachment& a) { return a.id == id; });
    if (it == found.end() || (!IsOrgAdmin(actor) && it->created_by_id != actor.user_id)) {
      const size_t index = std::find(given.begin(), given.end(), id) - given.begin();
      return Fail(Error::NotFoundField("attachment_ids[" + std::to_string(index) + "]", reason::kNoSuchAttachment));
    }
    out.push_back(*it);
  }
  return out;
}

std::vector<std::string> AttachmentNames(const Message& m) {
  std::vector<std::string> out;
  for (const auto& a : m.attachments) out.push_back(a.name);
  return out;
}

notify::MessageNotice NoticeOf(const Message& m) {
  return {m.organization_id, m.id, EventKey(m.id), false, m.title, m.body, AttachmentNames(m), m.channels, m.emergency};
}

// What sending `m` now wrote: the in-app rows, or (many families) that FanOut has rows to write.
struct Delivery {
  std::vector<Notification> inbox;
  bool fan_out = false;
};

// Sends `m` (inserted or being inserted) now to `family_ids`: the receipts, and the
// outbox rows unless there are more than `batch` families (then FanOut writes them).
Result<Delivery> Deliver(db::Tx& tx, const Message& m, const std::vector<std::string>& family_ids,
                         const std::string& time_zone, int64_t now, int batch) {
  Delivery out;
  out.fan_out = family_ids.size() > static_cast<size_t>(batch);
  TRY_STATUS(store::InsertRecipients(tx, m.organization_id, m.id, family_ids, !out.fan_out));
  if (!out.fan_out) out.inbox = TRY(notify::EnqueueMessage(tx, NoticeOf(m), family_ids, time_zone, now));
  return out;
}

}  // namespace

Result<SentMessage> Messages::Send(const Actor& actor, const SendMessageInput& in) {
  TRY_STATUS(RequireStaff(actor));
  const int64_t now = clock_.NowMs();
  Message m;
  std::vector<std::string> attachment_ids;
  TRY_STATUS(CheckInput(in, now, m, attachment_ids));

  Delivery delivery;
  auto sent = TRY(WriteOnce(in.client_id, [&](db::Tx& tx) -> Result<SentMessage> {
    delivery = {};
    if (in.client_id)
      if (auto first = TRY(store::FindMessageByClientId(tx, actor.organization_id, *in.client_id))) {
        if (!CanManageMessage(actor, first->facility_ids)) return Fail(Error::Conflict(reason::kTaken));
        return SentMessage{*first, {first->families, first->guardians, 0}, true};
      }
    const auto checked = TRY(audiences_.Check(tx, actor, in.audience));
    const auto attachments = TRY(NamedAttachments(tx, actor, attachment_ids, in.attachment_ids));
    const auto resolved = TRY(audiences_.Resolve(tx, actor.organization_id, checked, ctx_.Today(actor)));
    if (!in.send_at && resolved.family_ids.empty())
      return Fail(Error::InvalidField("audience", reason::kNoRecipients));

    m.id = NewId(now);
    m.organization_id = actor.organization_id;
    m.audience = in.audience;
    m.status = in.send_at ? "scheduled" : "sent";
    m.send_at = in.send_at.value_or(now);
    if (!in.send_at) m.sent_at = now;
    m.families = resolved.count.families;
    m.guardians = resolved.count.guardians;
    m.client_id = in.client_id;
    m.created_by_id = actor.user_id;
    m.created_by_name = actor.name;
    m.created_at = m.updated_at = now;
    m.facility_ids = checked.facility_ids;
    m.attachments = attachments;
    TRY_STATUS(store::InsertMessage(tx, m));
    if (!in.send_at)
      delivery = TRY(Deliver(tx, m, resolved.family_ids, actor.time_zone, now, settings_.message_batch_families));
    return SentMessage{m, resolved.count, false};
  }));
  if (!sent.replayed && sent.message.status == "sent") {
    Announce(delivery.inbox, delivery.fan_out);
    spdlog::info("message {} sent to {} families ({} guardians)", sent.message.id, sent.message.families,
                 sent.message.guardians);
  }
  return sent;
}

Result<MessagePage> Messages::List(const Actor& actor, const MessageListFilter& filter) {
  TRY_STATUS(RequireStaff(actor));
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<MessagePage> {
    if (filter.facility_id) {
      const auto f = TRY(store::FindFacility(tx, actor.organization_id, *filter.facility_id));
      if (!f || !StaffCoversFacility(actor, f->id)) return Fail(Error::NotFound("facility not found"));
    }
    store::MessageQuery q;
    q.organization_id = actor.organization_id;
    if (IsFacilityStaff(actor)) q.within_facilities = actor.facility_ids;
    q.facility_id = filter.facility_id;
    q.status = filter.status;
    if (!filter.cursor.empty()) q.before_id = filter.cursor;
    q.limit = filter.limit + 1;
    auto rows = TRY(store::ListMessages(tx, q));
    MessagePage page;
    for (auto& r : rows) {
      if (static_cast<int>(page.items.size()) == filter.limit) {
        page.next_cursor = page.items.back().message.id;
        break;
      }
      page.items.push_back({std::move(r.message), r.read_families, std::nullopt});
    }
    return page;
  });
}

Result<MessageView> Messages::Get(const Actor& actor, const std::string& id) {
  TRY_STATUS(RequireGuardianOrStaff(actor));
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<MessageView> {
    if (IsGuardian(actor)) {
      auto mine = TRY(store::FindFamilyMessage(tx, actor.organization_id, *actor.family_id, id));
      if (!mine) return Fail(kNotFound);
      return MessageView{std::move(mine->message), 0, mine->read_at};
    }
    auto m = TRY(ManagedMessage(tx, actor, id));
    const int64_t read = TRY(store::CountReadFamilies(tx, actor.organization_id, id));
    return MessageView{std::move(m), read, std::nullopt};
  });
}

Status Messages::Cancel(const Actor& actor, const std::string& id) {
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    const auto m = TRY(ManagedMessage(tx, actor, id));
    if (m.status == "cancelled") return {};
    if (m.status != "scheduled" || !TRY(store::CancelMessage(tx, actor.organization_id, id, clock_.NowMs())))
      return Fail(Error::Conflict(reason::kAlreadySent));
    return {};
  });
}

Result<Message> Messages::End(const Actor& actor, const std::string& id) {
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<Message> {
    auto m = TRY(ManagedMessage(tx, actor, id));
    if (!m.emergency) return Fail(Error::Conflict(reason::kNotEmergency));
    if (m.status != "sent") return Fail(Error::Conflict(reason::kNotSentYet));
    const int64_t now = clock_.NowMs();
    if (!TRY(store::EndMessage(tx, actor.organization_id, id, now, actor.name)))
      return Fail(Error::Conflict(reason::kAlreadyEnded));
    m.ended_at = now;
    m.ended_by_name = actor.name;
    m.updated_at = now;
    return m;
  });
}

Result<ReceiptList> Messages::Receipts(const Actor& actor, const std::string& id) {
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<ReceiptList> {
    TRY(ManagedMessage(tx, actor, id));
    ReceiptList out;
    for (auto& r : TRY(store::ListReceipts(tx, actor.organization_id, id, EventKey(id)))) {
      ++out.families;
      if (r.receipt.read_at) ++out.read_families;
      out.items.push_back({std::move(r.receipt), r.delivered});
    }
    return out;
  });
}

Result<int64_t> Messages::Remind(const Actor& actor, const std::string& id) {
  std::vector<Notification> inbox;
  const int64_t now = clock_.NowMs();
  auto families = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<int64_t> {
    inbox.clear();
    const auto m = TRY(ManagedMessage(tx, actor, id));
    if (m.status != "sent") return Fail(Error::Conflict(reason::kNotSentYet));
    const auto unread = TRY(store::UnreadFamilies(tx, actor.organization_id, id));
    const std::string reminder_id = NewId(now);
    TRY_STATUS(store::RecordReminder(tx, actor.organization_id, id, reminder_id, actor, unread, now));
    auto notice = NoticeOf(m);
    notice.event_key += ":remind:" + reminder_id;
    notice.reminder = true;
    inbox = TRY(notify::EnqueueMessage(tx, notice, unread, actor.time_zone, now));
    return static_cast<int64_t>(unread.size());
  }));
  Announce(inbox, false);
  return families;
}

Result<MessagePage> Messages::Mine(const Actor& actor, const std::string& cursor, int limit) {
  TRY_STATUS(RequireGuardian(actor));
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<MessagePage> {
    auto rows = TRY(store::ListFamilyMessages(tx, actor.organization_id, *actor.family_id,
                                              cursor.empty() ? std::nullopt : std::optional(cursor), limit + 1));
    MessagePage page;
    for (auto& r : rows) {
      if (static_cast<int>(page.items.size()) == limit) {
        page.next_cursor = page.items.back().message.id;
        break;
      }
      page.items.push_back({std::move(r.message), 0, r.read_at});
    }
    return page;
  });
}

Status Messages::MarkRead(const Actor& actor, const std::string& id) {
  TRY_STATUS(RequireGuardian(actor));
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    if (!TRY(store::FindFamilyMessage(tx, actor.organization_id, *actor.family_id, id))) return Fail(kNotFound);
    TRY(store::MarkMessageRead(tx, actor.organization_id, id, *actor.family_id, actor, clock_.NowMs()));
    return {};
  });
}

Result<std::vector<Message>> Messages::Emergencies(const Actor& actor) {
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<Message>> {
    const std::string& org = actor.organization_id;
    if (IsGuardian(actor)) return store::FamilyEmergencies(tx, org, *actor.family_id);
    if (IsKiosk(actor)) return store::ActiveEmergencies(tx, org, actor.facility_ids.front());
    TRY_STATUS(RequireStaff(actor));
    auto all = TRY(store::ActiveEmergencies(tx, org, std::nullopt));
    std::vector<Message> out;
    for (auto& m : all)
      if (std::any_of(m.facility_ids.begin(), m.facility_ids.end(),
                      [&](const std::string& f) { return StaffCoversFacility(actor, f); }))
        out.push_back(std::move(m));
    return out;
  });
}

Result<int> Messages::SendDue() {
  const int64_t now = clock_.NowMs();
  const auto due = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) { return store::DueMessages(tx, now, 100); }));
  int sent = 0;
  for (const auto& [org, id] : due) {
    Delivery delivery;
    const auto won = db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<bool> {
      delivery = {};
      const auto m = TRY(store::FindMessage(tx, org, id));
      const auto organization = TRY(store::FindOrganization(tx, org));
      if (!m || !organization || m->status != "scheduled") return false;
      const CheckedAudience checked{m->audience, m->facility_ids};
      const auto resolved = TRY(audiences_.Resolve(tx, org, checked, DateAt(now, organization->time_zone)));
      if (!TRY(store::MarkMessageSent(tx, id, now, resolved.count.families, resolved.count.guardians))) return false;
      delivery = TRY(Deliver(tx, *m, resolved.family_ids, organization->time_zone, now, settings_.message_batch_families));
      return true;
    });
    // One message that cannot be sent must not hold back the others: the next run tries it again.
    if (!won) spdlog::error("scheduled message {} not sent: {}", id, won.error().message);
    if (!won || !*won) continue;
    ++sent;
    Announce(delivery.inbox, delivery.fan_out);
  }
  return sent;
}

Result<int64_t> Messages::FanOut() {
  int64_t told = 0;
  for (;;) {
    const auto todo = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) { return store::MessagesToNotify(tx, 10); }));
    if (todo.empty()) return told;
    for (const auto& [org, id] : todo) {
      for (;;) {
        std::vector<Notification> inbox;
        size_t families = 0;
        TRY_STATUS(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
          inbox.clear();
          const auto batch = TRY(store::FamiliesToNotify(tx, id, settings_.message_batch_families));
          families = batch.size();
          if (batch.empty()) return {};
          const auto m = TRY(store::FindMessage(tx, org, id));
          const auto organization = TRY(store::FindOrganization(tx, org));
          if (!m || !organization) return Fail(Error::Internal("message " + id + " is gone"));
          inbox = TRY(notify::EnqueueMessage(tx, NoticeOf(*m), batch, organization->time_zone, clock_.NowMs()));
          return store::MarkNotified(tx, id, batch);
        }));
        if (families == 0) break;
        told += static_cast<int64_t>(families);
        Announce(inbox, false);
      }
    }
  }
}

void Messages::Announce(const std::vector<Notification>& inbox, bool fan_out) const {
  ctx_.AnnounceInbox(inbox);
  if (fan_out && ctx_.hooks.fan_out) ctx_.hooks.fan_out();
}

}  // namespace tadaima::service
