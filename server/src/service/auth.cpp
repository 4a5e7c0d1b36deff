// Sign-in, sessions, password changes and organizations.
#include <algorithm>

#include "base/field_errors.h"
#include "base/ids.h"
#include "base/password.h"
#include "rules/permissions.h"
#include "rules/validation.h"
#include "service/auth.h"
#include "store/audit_store.h"
#include "store/organization_store.h"
#include "store/user_store.h"
#include "base/reasons.h"

namespace tadaima::service {

bool Auth::LoginBlocked(const std::string& login, const std::string& ip, int64_t now) {
  std::lock_guard lock(failures_mu_);
  auto count = [&](const std::string& key) {
    auto it = failures_.find(key);
    if (it == failures_.end()) return 0;
    auto& v = it->second;
    v.erase(std::remove_if(v.begin(), v.end(), [&](int64_t t) { return t <= now - settings_.login_window_ms; }),
            v.end());
    return static_cast<int>(v.size());
  };
  return count("login:" + login) >= settings_.login_max_failures ||
         count("ip:" + ip) >= settings_.login_max_failures_per_ip;
}

void Auth::RecordLoginFailure(const std::string& login, const std::string& ip, int64_t now) {
  std::lock_guard lock(failures_mu_);
  failures_["login:" + login].push_back(now);
  failures_["ip:" + ip].push_back(now);
  if (failures_.size() > 100000) failures_.clear();  // bounded memory under a flood
}

Result<LoginResult> Auth::Login(const std::string& login, const std::string& password,
                                    const std::string& remote_ip) {
  const int64_t now = clock_.NowMs();
  if (LoginBlocked(login, remote_ip, now))
    return Fail(Error::TooManyRequests(reason::kTooManySignIns));
  auto user = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) { return store::FindUserByLogin(tx, login); }));
  bool ok = user ? VerifyPassword(user->password_hash, password) : (SpendVerificationTime(password), false);
  if (!ok) {
    RecordLoginFailure(login, remote_ip, now);
    return Fail(Error::Unauthenticated(reason::kBadCredentials));
  }
  LoginResult out;
  out.session_token = RandomToken();
  out.csrf_token = RandomToken();
  TRY_STATUS(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    return store::InsertSession(tx, HashToken(out.session_token),
                                {user->id, out.csrf_token, now + settings_.session_ms}, now);
  }));
  auto auth = TRY(Authenticate(out.session_token));
  out.actor = auth.actor;
  return out;
}

Status Auth::Logout(const std::string& session_token) {
  return db_.Transact(TxMode::kWrite,
                      [&](db::Tx& tx) -> Status { return store::DeleteSession(tx, HashToken(session_token)); });
}

Result<Auth::Authenticated> Auth::Authenticate(const std::string& session_token) {
  if (session_token.empty()) return Fail(Error::Unauthenticated(reason::kSignInRequired));
  auto found = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) {
    return store::FindSession(tx, HashToken(session_token), clock_.NowMs());
  }));
  if (!found) return Fail(Error::Unauthenticated(reason::kSessionEnded));
  return Authenticated{found->actor, found->session.csrf_token};
}

Status Auth::ChangePassword(const Actor& actor, const std::string& session_token, const std::string& current,
                                const std::string& next) {
  FieldErrors errs;
  errs.Check("new_password", CheckNewPassword(next));
  if (next == current) errs.Add("new_password", reason::kSamePassword);
  auto user = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) {
    return store::FindUser(tx, actor.organization_id, actor.user_id);
  }));
  if (!user) return Fail(Error::Unauthenticated(reason::kSignInRequired));
  if (!VerifyPassword(user->password_hash, current)) errs.Add("current_password", reason::kWrongPassword);
  TRY_STATUS(errs.ToStatus());
  std::string hash = HashPassword(next);
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    TRY_STATUS(store::SetPassword(tx, actor.user_id, hash, false, now));
    TRY_STATUS(store::DeleteOtherSessions(tx, actor.user_id, HashToken(session_token)));
    return store::InsertAudit(tx, {actor.organization_id, actor.user_id, "user.password_change", "user", actor.user_id},
                              NewId(now), now);
  });
}

Result<Organization> Auth::CreateOrganization(const std::string& name, const std::string& time_zone,
                                                  const std::string& admin_login, const std::string& admin_password,
                                                  const std::string& admin_name) {
  FieldErrors errs;
  errs.Check("name", CheckName(name));
  if (!admin_name.empty()) errs.Check("admin_name", CheckName(admin_name));
  if (!IsKnownTimeZone(time_zone)) errs.Add("time_zone", reason::kNotTimeZone);
  errs.Check("admin_login", CheckLogin(admin_login));
  errs.Check("admin_password", CheckNewPassword(admin_password));
  TRY_STATUS(errs.ToStatus());
  const int64_t now = clock_.NowMs();
  Organization org{NewId(now), TrimSpaces(name), time_zone};
  User admin;
  admin.id = NewId(now);
  admin.organization_id = org.id;
  admin.role = Role::kOrgAdmin;
  admin.login = admin_login;
  admin.name = admin_name.empty() ? "管理者" : TrimSpaces(admin_name);
  admin.password_hash = HashPassword(admin_password);
  TRY_STATUS(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    if (TRY(store::LoginExists(tx, admin.login)))
      return Fail(Error::Conflict(reason::kTaken.WithText("login is already taken"), {{"admin_login", reason::kTaken}}));
    TRY_STATUS(store::InsertOrganization(tx, org, now));
    TRY_STATUS(store::InsertUser(tx, admin, now));
    return store::InsertAudit(tx, {org.id, "", "organization.create", "organization", org.id}, NewId(now), now);
  }));
  return org;
}

Result<Organization> Auth::GetOrganization(const Actor& actor) {
  TRY_STATUS(RequireStaff(actor));
  auto org = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) {
    return store::FindOrganization(tx, actor.organization_id);
  }));
  if (!org) return Fail(Error::NotFound("organization not found"));
  return *org;
}

}  // namespace tadaima::service
