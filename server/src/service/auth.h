// Accounts: sign-in and sessions, password changes, organizations.
//
// Sign-in answers the same error for an unknown login and a wrong password
// (bad_credentials), and too_many_sign_ins after too many failures for the
// login or the address within the window (counted in memory, per process).
// Thread-safe.
#pragma once

#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "service/context.h"

namespace tadaima::service {

struct LoginResult {
  std::string session_token;  // for the cookie; the database keeps only its hash
  std::string csrf_token;
  Actor actor;
};

class Auth : AreaService {
 public:
  explicit Auth(Context& ctx) : AreaService(ctx) {}

  Result<LoginResult> Login(const std::string& login, const std::string& password, const std::string& remote_ip);
  Status Logout(const std::string& session_token);
  // The actor of a live session and its CSRF token; unauthenticated otherwise.
  struct Authenticated {
    Actor actor;
    std::string csrf_token;
  };
  Result<Authenticated> Authenticate(const std::string& session_token);
  // Ends the actor's other sessions; the current one stays.
  Status ChangePassword(const Actor& actor, const std::string& session_token, const std::string& current,
                        const std::string& next);
  // The command line's `admin create-org`: no actor. The administrator's name
  // is what families see (a plan 確認済 by them); "管理者" when none is given.
  Result<Organization> CreateOrganization(const std::string& name, const std::string& time_zone,
                                          const std::string& admin_login, const std::string& admin_password,
                                          const std::string& admin_name = "");
  Result<Organization> GetOrganization(const Actor& actor);

 private:
  bool LoginBlocked(const std::string& login, const std::string& ip, int64_t now);
  void RecordLoginFailure(const std::string& login, const std::string& ip, int64_t now);

  std::mutex failures_mu_;
  std::unordered_map<std::string, std::vector<int64_t>> failures_;
};

}  // namespace tadaima::service
