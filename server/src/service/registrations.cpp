// Pre-registration, its review and the window letter.
#include "service/registrations.h"

#include <algorithm>

#include "base/field_errors.h"
#include "base/ids.h"
#include "base/password.h"
#include "base/reasons.h"
#include "rules/permissions.h"
#include "rules/registration.h"
#include "rules/validation.h"
#include "service/family_records.h"
#include "store/audit_store.h"
#include "store/family_store.h"
#include "store/organization_store.h"
#include "store/registration_store.h"
#include "store/user_store.h"

namespace tadaima::service {
namespace {

constexpr int64_t kFormLifetimeMs = 24LL * 3600 * 1000;
constexpr int64_t kAttemptWindowMs = 3600LL * 1000;
constexpr long kMaxRejectReason = 500;

std::vector<Facility> RoomsOf(const std::vector<Facility>& facilities) {
  std::vector<Facility> out;
  for (const auto& f : facilities)
    if (f.kind == FacilityKind::kDropIn) out.push_back(f);
  return out;
}

// The org_admin, or staff of one of the organization's drop-in rooms.
Status RequireReviewer(db::Tx& tx, const Actor& actor) {
  TRY_STATUS(RequireStaff(actor));
  if (IsOrgAdmin(actor)) return {};
  for (const auto& f : RoomsOf(TRY(store::ListFacilities(tx, actor.organization_id, actor.user_id))))
    if (StaffCoversFacility(actor, f.id)) return {};
  return Fail(Error::PermissionDenied(reason::kReviewersOnly));
}

// The registration, when of the actor's organization (else not_found, for
// anyone), and the actor a reviewer.
Result<Registration> FindForReviewer(db::Tx& tx, const Actor& actor, const std::string& id) {
  TRY_STATUS(RequireStaff(actor));
  auto r = TRY(store::FindRegistration(tx, actor.organization_id, id));
  if (!r) return Fail(Error::NotFound("registration not found"));
  TRY_STATUS(RequireReviewer(tx, actor));
  return std::move(*r);
}

GuardianInput GuardianInputOf(const RegisteredGuardian& g) { return {g.name, g.email, g.relation, g.name_kana, g.phone}; }

bool HasChild(const Family& f, const RegisteredChild& c) {
  return std::any_of(f.children.begin(), f.children.end(), [&](const Child& known) {
    return SameChild(c.name, c.name_kana, c.birth_date, known.name, known.name_kana, known.birth_date);
  });
}

}  // namespace

Result<RegistrationForm> Registrations::Form(const std::string& organization_id) {
  const std::string key = TRY(secrets_.CredentialKey());
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<RegistrationForm> {
    auto org = TRY(store::FindOrganization(tx, organization_id));
    if (!org) return Fail(Error::NotFoundField("organization_id", reason::kNoSuchOrganization));
    return RegistrationForm{*org, EncodeFormToken(key, org->id, clock_.NowMs()),
                            RoomsOf(TRY(store::ListFacilities(tx, org->id, std::nullopt)))};
  });
}

Status Registrations::CountAttempt(const std::string& remote_ip, int64_t now) {
  std::lock_guard lock(attempts_mu_);
  if (attempts_.size() > 100000) attempts_.clear();  // bounded memory under a flood
  auto& times = attempts_[remote_ip];
  std::erase_if(times, [&](int64_t t) { return t <= now - kAttemptWindowMs || t > now; });
  if (static_cast<int>(times.size()) >= settings_.registrations_per_hour)
    return Fail(Error::TooManyRequests(reason::kTooManyRegistrations));
  times.push_back(now);
  return {};
}

Result<std::string> Registrations::Submit(const RegistrationInput& in, const std::string& remote_ip) {
  const int64_t now = clock_.NowMs();
  TRY_STATUS(CountAttempt(remote_ip, now));
  if (NonBlank(in.website)) return NewId(now);  // a robot: answered like anyone, kept nowhere
  const std::string key = TRY(secrets_.CredentialKey());
  auto token = DecodeFormToken(key, in.form_token);
  if (!token || token->organization_id != in.organization_id)
    return Fail(Error::InvalidField("form_token", reason::kNotFormToken));
  if (now - token->issued_at < kMinFillSeconds * 1000LL)
    return Fail(Error::InvalidField("form_token", reason::kFilledTooFast));
  if (now - token->issued_at > kFormLifetimeMs) return Fail(Error::InvalidField("form_token", reason::kFormExpired));

  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<std::string> {
    auto org = TRY(store::FindOrganization(tx, in.organization_id));
    if (!org) return Fail(Error::NotFoundField("organization_id", reason::kNoSuchOrganization));
    const CivilDate today = DateAt(now, org->time_zone);
    FieldErrors errs;
    Registration r;
    r.id = NewId(now);
    r.organization_id = org->id;
    r.created_at = now;
    errs.Check("family_name", CheckName(in.family_name));
    r.family_name = TrimSpaces(in.family_name);
    r.address = NonBlank(in.address);
    if (r.address) errs.Check("address", CheckText(*r.address, 200));
    if (auto phone = NonBlank(in.phone)) {
      r.phone = PlainPhone(*phone);
      errs.Check("phone", CheckPhone(r.phone));
    } else {
      errs.Add("phone", reason::kRequired);
    }
    r.email = NonBlank(in.email);
    if (r.email) errs.Check("email", CheckEmail(*r.email));
    if (in.guardians.empty()) errs.Add("guardians", reason::kGuardianRequired);
    if (in.guardians.size() > kMaxGuardians) errs.Add("guardians", reason::kTooManyGuardians);
    if (in.children.empty()) errs.Add("children", reason::kRequired);
    if (in.children.size() > kMaxChildren) errs.Add("children", reason::kTooManyChildren);
    for (size_t i = 0; i < in.guardians.size(); ++i) {
      GuardianInput g = in.guardians[i];
      if (g.phone) g.phone = PlainPhone(*g.phone);
      CheckGuardian(g, "guardians[" + std::to_string(i) + "].", errs);
      r.guardians.push_back({TrimSpaces(g.name), NonBlank(g.name_kana), NonBlank(g.relation), NonBlank(g.email),
                             NonBlank(g.phone)});
    }
    for (size_t i = 0; i < in.children.size(); ++i) {
      Child c;
      ApplyChild(in.children[i], "children[" + std::to_string(i) + "].", today, errs, c);
      r.children.push_back({c.name, c.name_kana, c.birth_date});
    }
    if (!in.consent) errs.Add("consent", reason::kConsentRequired);
    TRY_STATUS(errs.ToStatus());
    TRY_STATUS(store::InsertRegistration(tx, r));
    TRY_STATUS(store::InsertAudit(tx, {r.organization_id, "", "registration.submit", "registration", r.id},
                                  NewId(now), now));
    return r.id;
  });
}

Result<std::vector<ReviewedRegistration>> Registrations::Review(db::Tx& tx, std::vector<Registration> list) {
  std::vector<ReviewedRegistration> out;
  std::vector<CivilDate> dates;
  bool any_pending = false;
  for (const auto& r : list) {
    if (r.status != RegistrationStatus::kPending) continue;
    any_pending = true;
    for (const auto& c : r.children) dates.push_back(c.birth_date);
  }
  std::vector<KnownChild> children;
  std::vector<KnownPhone> phones;
  std::vector<Registration> pending;
  if (any_pending && !list.empty()) {
    const std::string& org = list.front().organization_id;
    children = TRY(store::ChildrenBornOn(tx, org, dates));
    phones = TRY(store::KnownPhones(tx, org));
    pending = TRY(store::ListRegistrations(tx, org, RegistrationStatus::kPending, "", 2000));
  }
  for (auto& r : list) {
    ReviewedRegistration item{std::move(r), {}};
    if (item.registration.status == RegistrationStatus::kPending)
      item.duplicates = FindDuplicates(item.registration, children, phones, pending);
    out.push_back(std::move(item));
  }
  return out;
}

Result<RegistrationPage> Registrations::List(const Actor& actor, const std::optional<std::string>& status,
                                             const std::string& cursor, int limit) {
  auto wanted = status ? store::ParseRegistrationStatus(*status) : RegistrationStatus::kPending;
  if (!wanted) return Fail(Error::InvalidField("status", reason::NotAChoice({"pending", "approved", "rejected"})));
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<RegistrationPage> {
    TRY_STATUS(RequireReviewer(tx, actor));
    auto list = TRY(store::ListRegistrations(tx, actor.organization_id, *wanted, cursor, limit + 1));
    RegistrationPage page;
    if (static_cast<int>(list.size()) > limit) {
      list.resize(limit);
      page.next_cursor = list.back().id;
    }
    page.items = TRY(Review(tx, std::move(list)));
    return page;
  });
}

Result<ReviewedRegistration> Registrations::Get(const Actor& actor, const std::string& id) {
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<ReviewedRegistration> {
    auto r = TRY(FindForReviewer(tx, actor, id));
    return std::move(TRY(Review(tx, {r})).front());
  });
}

Result<CreatedFamily> Registrations::Approve(const Actor& actor, const std::string& id,
                                             const std::optional<std::string>& merge_into) {
  const int64_t now = clock_.NowMs();
  // The passwords are hashed before the write transaction, which holds the writer.
  auto r = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<Registration> {
    return FindForReviewer(tx, actor, id);
  }));
  if (r.status != RegistrationStatus::kPending) return Fail(Error::Conflict(reason::kRegistrationDecided));
  std::vector<IssuedLogin> logins;
  for (const auto& g : r.guardians) {
    IssuedLogin issued{GuardianFrom(GuardianInputOf(g), r.organization_id, "", now), NewInitialPassword()};
    issued.guardian.password_hash = HashPassword(issued.initial_password);
    logins.push_back(std::move(issued));
  }
  if (!logins.empty() && !logins.front().guardian.email && r.email) logins.front().guardian.email = r.email;

  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<CreatedFamily> {
    Family f;
    bool merged = false;
    if (merge_into) {
      auto target = TRY(store::FindFamily(tx, actor.organization_id, *merge_into));
      if (!target || !CanEditFamily(actor, FacilityIdsOf(*target)))
        return Fail(Error::NotFoundField("merge_into_family_id", reason::kNoSuchFamily));
      f = std::move(*target);
      merged = true;
      if (!f.address) f.address = r.address;
      if (!f.phone) f.phone = r.phone;
    } else {
      f.id = NewId(now);
      f.organization_id = r.organization_id;
      f.name = r.family_name;
      f.address = r.address;
      f.phone = r.phone;
    }
    if (f.guardians.size() + logins.size() > kMaxGuardians)
      return Fail(Error::InvalidField("merge_into_family_id", reason::kTooManyGuardians));
    std::vector<Child> added;
    for (const auto& rc : r.children) {
      if (merged && HasChild(f, rc)) continue;
      Child c;
      c.id = NewId(now);
      c.organization_id = f.organization_id;
      c.family_id = f.id;
      c.name = rc.name;
      c.name_kana = rc.name_kana;
      c.birth_date = rc.birth_date;
      added.push_back(c);
      f.children.push_back(std::move(c));
    }
    if (f.children.size() > kMaxChildren)
      return Fail(Error::InvalidField("merge_into_family_id", reason::kTooManyChildren));
    for (auto& issued : logins) {
      issued.guardian.family_id = f.id;
      f.guardians.push_back(issued.guardian);
    }
    if (merged) TRY_STATUS(store::UpdateFamily(tx, f, SearchTextOf(f), now));
    else TRY_STATUS(store::InsertFamily(tx, f, SearchTextOf(f), now));
    for (size_t i = 0; i < logins.size(); ++i) {
      TRY_STATUS(AssignLogin(tx, logins[i].guardian));
      f.guardians[f.guardians.size() - logins.size() + i].login = logins[i].guardian.login;
      TRY_STATUS(store::InsertUser(tx, logins[i].guardian, now));
    }
    for (const auto& c : added) TRY_STATUS(store::InsertChild(tx, c, now));
    Registration decided = r;
    decided.status = RegistrationStatus::kApproved;
    decided.decided_at = now;
    decided.decided_by = actor.user_id;
    decided.family_id = f.id;
    if (!TRY(store::DecideRegistration(tx, decided))) return Fail(Error::Conflict(reason::kRegistrationDecided));
    TRY_STATUS(store::InsertAudit(tx, {f.organization_id, actor.user_id, "registration.approve", "registration", r.id,
                                       nlohmann::json{{"family_id", f.id}, {"merged", merged}}.dump()},
                                  NewId(now), now));
    return CreatedFamily{std::move(f), std::move(logins)};
  });
}

Result<Registration> Registrations::Reject(const Actor& actor, const std::string& id, const std::string& reason) {
  const std::string text = TrimSpaces(reason);
  if (text.empty() || CheckText(text, kMaxRejectReason))
    return Fail(Error::InvalidField("reason", reason::kRejectReasonRequired));
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<Registration> {
    auto r = TRY(FindForReviewer(tx, actor, id));
    r.status = RegistrationStatus::kRejected;
    r.decided_at = now;
    r.decided_by = actor.user_id;
    r.decided_by_name = actor.name;
    r.reject_reason = text;
    if (!TRY(store::DecideRegistration(tx, r))) return Fail(Error::Conflict(reason::kRegistrationDecided));
    TRY_STATUS(store::InsertAudit(tx, {r.organization_id, actor.user_id, "registration.reject", "registration", r.id},
                                  NewId(now), now));
    return r;
  });
}

Result<std::vector<InvitationLetter>> Registrations::Letters(const Actor& actor,
                                                             const std::vector<std::string>& family_ids) {
  TRY_STATUS(RequireStaff(actor));
  if (family_ids.empty() || family_ids.size() > kMaxLetters)
    return Fail(Error::InvalidField("family_ids", reason::LengthRange(1, kMaxLetters)));
  const int64_t now = clock_.NowMs();
  auto read = [&](db::Tx& tx) -> Result<std::vector<Family>> {
    std::vector<Family> out;
    std::optional<bool> reviewer;
    for (size_t i = 0; i < family_ids.size(); ++i) {
      auto f = TRY(store::FindFamily(tx, actor.organization_id, family_ids[i]));
      bool may = f && CanEditFamily(actor, FacilityIdsOf(*f));
      if (f && !may && f->enrollments.empty()) {
        if (!reviewer) reviewer = RequireReviewer(tx, actor).has_value();
        may = *reviewer && TRY(store::FamilyCameFromRegistration(tx, actor.organization_id, f->id));
      }
      if (!may) return Fail(Error::NotFoundField("family_ids[" + std::to_string(i) + "]", reason::kNoSuchFamily));
      out.push_back(std::move(*f));
    }
    return out;
  };
  auto families = TRY(db_.Transact(TxMode::kRead, read));
  std::map<std::string, std::pair<std::string, std::string>> fresh;  // guardian -> (password, hash)
  for (const auto& f : families)
    for (const auto& g : f.guardians)
      if (g.must_change_password) {
        std::string password = NewInitialPassword();
        std::string hash = HashPassword(password);
        fresh[g.id] = {std::move(password), std::move(hash)};
      }
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<std::vector<InvitationLetter>> {
    std::vector<InvitationLetter> out;
    for (auto& f : TRY(read(tx))) {  // read again: a guardian may have chosen a password meanwhile
      InvitationLetter letter{f, {}};
      for (const auto& g : f.guardians) {
        auto it = fresh.find(g.id);
        if (!g.must_change_password || it == fresh.end()) {
          letter.guardians.emplace_back(g, std::nullopt);
          continue;
        }
        TRY_STATUS(store::SetPassword(tx, g.id, it->second.second, true, now));
        TRY_STATUS(store::DeleteOtherSessions(tx, g.id, ""));
        letter.guardians.emplace_back(g, it->second.first);
      }
      TRY_STATUS(store::InsertAudit(tx, {f.organization_id, actor.user_id, "family.invitation", "family", f.id},
                                    NewId(now), now));
      out.push_back(std::move(letter));
    }
    return out;
  });
}

}  // namespace tadaima::service
