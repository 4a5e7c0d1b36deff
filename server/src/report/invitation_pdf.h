// The window letter (登録案内状): one A4 page per family with each guardian's
// login and initial password, the parents' app address and its QR code, and
// the steps to take, in Japanese (cairo + pango, Noto Sans CJK).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/error.h"

namespace tadaima::report {

struct LetterGuardian {
  std::string name, login;
  std::optional<std::string> initial_password;  // none: they chose their own
};
struct Letter {
  std::string family_name;
  std::vector<LetterGuardian> guardians;
};
struct LetterSheet {
  std::string organization_name;
  std::string app_url;     // where the parents' app is: the QR's text
  std::string issued_on;   // "2027年6月10日"
  std::vector<Letter> letters;
};

Result<std::string> InvitationPdf(const LetterSheet& sheet);

}  // namespace tadaima::report
