// Pre-registration (事前登録) and the window letter (登録案内状): a family's
// public form, the staff's review of it (approve into a new family, merge into
// a known one, or reject), and the letter with each guardian's login and a
// fresh initial password. Reviewers are the org_admin and the staff of any
// drop-in room of the organization (one registration covers every room).
//
// The public side never tells whether a family is already known: every
// accepted form answers the same. A form must have been fetched (a signed
// token) at least kMinFillSeconds before it is sent, and at most a day;
// one address sends at most settings.registrations_per_hour forms an hour
// (counted in memory, per process); a form whose hidden field is filled is
// answered like an accepted one and kept nowhere. Thread-safe.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/registration.h"
#include "notify/senders.h"
#include "service/context.h"
#include "service/families.h"
#include "service/secrets.h"

namespace tadaima::service {

struct RegistrationForm {
  Organization organization;
  std::string form_token;
  std::vector<Facility> rooms;  // the drop-in rooms the registration covers
};

struct RegistrationInput {
  std::string organization_id, form_token;
  std::optional<std::string> website;  // the hidden field: humans leave it empty
  std::string family_name;
  std::optional<std::string> address, phone, email;
  std::vector<GuardianInput> guardians;
  std::vector<ChildInput> children;
  bool consent = false;
};

struct ReviewedRegistration {
  Registration registration;
  std::vector<RegistrationDuplicate> duplicates;  // pending registrations only
};
struct RegistrationPage {
  std::vector<ReviewedRegistration> items;
  std::optional<std::string> next_cursor;
};

// One family's letter: every guardian, with a new initial password unless
// they already chose their own.
struct InvitationLetter {
  Family family;
  std::vector<std::pair<User, std::optional<std::string>>> guardians;
};

class Registrations : AreaService {
 public:
  static constexpr int kMinFillSeconds = 5;
  static constexpr size_t kMaxLetters = 50;  // a fresh password costs one argon2id hash per guardian

  Registrations(Context& ctx, Secrets& secrets) : AreaService(ctx), secrets_(secrets) {}

  // Anyone: the organization's form. not_found for an unknown organization.
  Result<RegistrationForm> Form(const std::string& organization_id);
  // Anyone: the id of the registration kept (or, for a filled hidden field, of none).
  Result<std::string> Submit(const RegistrationInput& in, const std::string& remote_ip);

  // Reviewers: oldest first.
  Result<RegistrationPage> List(const Actor& actor, const std::optional<std::string>& status,
                                const std::string& cursor, int limit);
  Result<ReviewedRegistration> Get(const Actor& actor, const std::string& id);
  // A new family, or the registration's guardians and new children added to
  // `merge_into` (a family the actor may edit). registration_decided when it
  // is no longer pending.
  Result<CreatedFamily> Approve(const Actor& actor, const std::string& id,
                                const std::optional<std::string>& merge_into);
  Result<Registration> Reject(const Actor& actor, const std::string& id, const std::string& reason);

  // The letters of 1..kMaxLetters families: families the actor may edit, or,
  // for a reviewer, families approved from a registration and enrolled
  // nowhere yet. Every earlier initial password of theirs stops working.
  Result<std::vector<InvitationLetter>> Letters(const Actor& actor, const std::vector<std::string>& family_ids);

  // The background job (registration_mail.cpp): sends the confirmation mail of each
  // registration given an address (what happens next, in Japanese) through `send`,
  // from `from`; a temporary failure is tried again later, for a day. Returns how
  // many were sent. `send` takes a batch of (address, MIME text) and answers each.
  using SendMail = std::function<std::vector<notify::SendResult>(
      const std::vector<std::pair<std::string, std::string>>& mails)>;
  Result<int> MailConfirmations(const std::string& from, const SendMail& send);

 private:
  Status CountAttempt(const std::string& remote_ip, int64_t now);
  Result<std::vector<ReviewedRegistration>> Review(db::Tx& tx, std::vector<Registration> list);

  Secrets& secrets_;
  std::mutex attempts_mu_;
  std::unordered_map<std::string, std::vector<int64_t>> attempts_;
};

}  // namespace tadaima::service
