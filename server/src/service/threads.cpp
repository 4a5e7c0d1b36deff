#include "service/threads.h"

#include <charconv>

#include "base/ids.h"
#include "base/reasons.h"
#include "notify/outbox.h"
#include "rules/messages.h"
#include "rules/permissions.h"
#include "store/enrollment_store.h"
#include "store/family_store.h"
#include "store/organization_store.h"
#include "store/thread_store.h"

namespace tadaima::service {
namespace {

const Error kNotFound = Error::NotFound("thread not found");

// Whether `actor` reads and writes `t`: its family's guardians, staff of its facility.
bool MayUse(const Actor& actor, const Thread& t) {
  if (IsGuardian(actor)) return actor.family_id && *actor.family_id == t.family_id;
  return IsStaff(actor) && StaffCoversFacility(actor, t.facility_id);
}

Result<Thread> UsableThread(db::Tx& tx, const Actor& actor, const std::string& id) {
  auto t = TRY(store::FindThread(tx, actor.organization_id, id));
  if (!t || !MayUse(actor, *t)) return Fail(kNotFound);
  return std::move(*t);
}

// "<last post time>.<id>", where the page ended.
std::string CursorOf(const Thread& t) { return std::to_string(t.last_post_at) + "." + t.id; }

Result<std::optional<store::ThreadCursor>> ParseCursor(const std::string& text) {
  if (text.empty()) return std::optional<store::ThreadCursor>();
  const auto dot = text.find('.');
  store::ThreadCursor c;
  const char* end = text.data() + (dot == std::string::npos ? text.size() : dot);
  auto [p, ec] = std::from_chars(text.data(), end, c.last_post_at);
  if (dot == std::string::npos || ec != std::errc() || p != end || !LooksLikeId(text.substr(dot + 1)))
    return Fail(Error::InvalidField("cursor", reason::kBadCursor));
  c.id = text.substr(dot + 1);
  return std::optional(c);
}

ThreadPost NewPost(const Actor& actor, const std::string& thread_id, const std::string& body,
                   const std::optional<std::string>& client_id, int64_t now) {
  ThreadPost p;
  p.id = NewId(now);
  p.thread_id = thread_id;
  p.author_side = SideOf(actor);
  p.author_id = actor.user_id;
  p.author_name = actor.name;
  p.body = body;
  p.client_id = client_id;
  p.created_at = now;
  return p;
}

}  // namespace

ThreadSide SideOf(const Actor& actor) { return IsGuardian(actor) ? ThreadSide::kFamily : ThreadSide::kStaff; }

Result<Written> Threads::Create(const Actor& actor, const NewThreadInput& in) {
  TRY_STATUS(RequireGuardian(actor));
  FieldErrors errs;
  std::optional<std::string> subject;
  if (in.subject) subject = TrimSpaces(*in.subject);
  const std::string body = NormalizeMessageText(in.body);
  CheckThreadText(subject, body, errs);
  if (in.client_id && !IsUuid(*in.client_id)) errs.Add("client_id", reason::kNotUuid);
  TRY_STATUS(errs.ToStatus());

  const int64_t now = clock_.NowMs();
  const std::string& org = actor.organization_id;
  auto written = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<Written> {
    if (in.client_id)
      if (auto first = TRY(store::FindThreadByClientId(tx, org, *actor.family_id, *in.client_id))) {
        auto posts = TRY(store::ListPosts(tx, first->id));
        return Written{*first, posts.at(0), true};
      }
    auto child = TRY(store::FindChild(tx, org, in.child_id));
    if (!child || child->family_id != *actor.family_id)
      return Fail(Error::NotFoundField("child_id", reason::kNoSuchChild));
    if (!TRY(store::FindFacility(tx, org, in.facility_id)))
      return Fail(Error::NotFoundField("facility_id", reason::kNoSuchFacility));
    if (!TRY(store::IsEnrolled(tx, in.facility_id, child->id)))
      return Fail(Error::InvalidField("facility_id", reason::kNotEnrolled));

    Thread t;
    t.id = NewId(now);
    t.organization_id = org;
    t.facility_id = in.facility_id;
    t.family_id = *actor.family_id;
    t.child_id = child->id;
    t.subject = subject && !subject->empty() ? *subject : ThreadSubjectOf(body);
    t.client_id = in.client_id;
    t.created_by_id = actor.user_id;
    t.created_at = now;
    TRY_STATUS(store::InsertThread(tx, t));
    ThreadPost first = NewPost(actor, t.id, body, std::nullopt, now);
    TRY_STATUS(store::AddPost(tx, org, first));
    auto stored = TRY(store::FindThread(tx, org, t.id));
    return Written{std::move(*stored), std::move(first), false};
  }));
  if (!written.replayed) Announce(written.thread);
  return written;
}

Result<ThreadPage> Threads::List(const Actor& actor, const ThreadListFilter& filter) {
  TRY_STATUS(RequireGuardianOrStaff(actor));
  store::ThreadQuery q{actor.organization_id, SideOf(actor)};
  if (IsGuardian(actor)) q.family_id = *actor.family_id;
  else if (IsFacilityStaff(actor)) q.within_facilities = actor.facility_ids;
  if (filter.facility_id) {
    if (IsStaff(actor) && !StaffCoversFacility(actor, *filter.facility_id))
      return Fail(Error::NotFoundField("facility_id", reason::kNoSuchFacility));
    q.facility_id = *filter.facility_id;
  }
  q.unread_only = filter.unread_only;
  q.after = TRY(ParseCursor(filter.cursor));
  q.limit = filter.limit + 1;
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<ThreadPage> {
    if (q.facility_id && !TRY(store::FindFacility(tx, q.organization_id, *q.facility_id)))
      return Fail(Error::NotFoundField("facility_id", reason::kNoSuchFacility));
    ThreadPage page;
    for (auto& t : TRY(store::ListThreads(tx, q))) {
      if (static_cast<int>(page.items.size()) == filter.limit) {
        page.next_cursor = CursorOf(page.items.back());
        break;
      }
      page.items.push_back(std::move(t));
    }
    page.unread_threads = TRY(store::CountUnreadThreads(tx, q));
    return page;
  });
}

Result<ThreadDetail> Threads::Get(const Actor& actor, const std::string& id) {
  TRY_STATUS(RequireGuardianOrStaff(actor));
  const ThreadSide side = SideOf(actor);
  auto detail = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<ThreadDetail> {
    auto t = TRY(UsableThread(tx, actor, id));
    auto posts = TRY(store::ListPosts(tx, t.id));
    return ThreadDetail{std::move(t), std::move(posts)};
  }));
  if (detail.thread.UnreadFor(side) > 0) {
    // Reading marks the thread read for the reader's side; the other staff's counts follow.
    const bool marked = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) {
      return store::MarkThreadRead(tx, actor.organization_id, id, side);
    }));
    (side == ThreadSide::kStaff ? detail.thread.staff_read : detail.thread.family_read) = detail.thread.posts;
    if (marked) Announce(detail.thread);
  }
  return detail;
}

Result<Written> Threads::Post(const Actor& actor, const std::string& id, const std::string& text,
                              const std::optional<std::string>& client_id) {
  TRY_STATUS(RequireGuardianOrStaff(actor));
  FieldErrors errs;
  const std::string body = NormalizeMessageText(text);
  CheckThreadText(std::nullopt, body, errs);
  if (client_id && !IsUuid(*client_id)) errs.Add("client_id", reason::kNotUuid);
  TRY_STATUS(errs.ToStatus());

  const int64_t now = clock_.NowMs();
  std::vector<Notification> inbox;
  auto written = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<Written> {
    inbox.clear();
    auto t = TRY(UsableThread(tx, actor, id));
    if (client_id)
      if (auto first = TRY(store::FindPostByClientId(tx, t.id, *client_id))) return Written{t, *first, true};
    if (!t.open) return Fail(Error::Conflict(reason::kThreadClosed));
    ThreadPost post = NewPost(actor, t.id, body, client_id, now);
    TRY_STATUS(store::AddPost(tx, actor.organization_id, post));
    if (post.author_side == ThreadSide::kStaff)
      inbox = TRY(notify::EnqueueThreadPost(
          tx, {actor.organization_id, t.family_id, t.id, post.id, t.facility_name, post.body}, actor.time_zone, now));
    auto stored = TRY(store::FindThread(tx, actor.organization_id, t.id));
    return Written{std::move(*stored), std::move(post), false};
  }));
  if (!written.replayed) {
    Announce(written.thread);
    if (written.post.author_side == ThreadSide::kStaff && ctx_.hooks.outbox_written) ctx_.hooks.outbox_written(inbox);
  }
  return written;
}

void Threads::Announce(const Thread& t) const {
  ctx_.Publish({t.organization_id, "thread", t.facility_id, t.family_id, std::nullopt,
                {{"thread_id", t.id}, {"facility_id", t.facility_id}}});
}

}  // namespace tadaima::service
