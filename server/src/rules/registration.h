// The rules of public pre-registration: the signed form token that proves a
// form was fetched (and how long ago), and which known families or pending
// registrations may be the same household. Pure functions given their inputs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/registration.h"

namespace tadaima {

// --- form tokens: "<organization id>.<issued ms>.<mac>", the MAC a keyed
// BLAKE2b (libsodium) of the rest under a key derived from `key`.
std::string EncodeFormToken(const std::string& key, const std::string& organization_id, int64_t issued_at);
struct FormToken {
  std::string organization_id;
  int64_t issued_at = 0;
};
// The token's claims when it is well formed and signed with `key`; nullopt otherwise.
std::optional<FormToken> DecodeFormToken(const std::string& key, std::string_view text);

// --- possible duplicates

// A phone number as typed on a phone's Japanese keyboard made plain: full-width
// digits, hyphens and the long vowel mark as ASCII digits and '-'.
std::string PlainPhone(std::string_view phone);
// The digits of a phone number (ASCII and full-width), nothing else.
std::string PhoneDigits(std::string_view phone);

// The same child: the same birth date, and the same name or furigana (kana,
// case and spaces ignored).
bool SameChild(const std::string& name_a, const std::optional<std::string>& kana_a, const CivilDate& birth_a,
               const std::string& name_b, const std::optional<std::string>& kana_b, const CivilDate& birth_b);

struct KnownChild {
  std::string family_id, family_name, name;
  std::optional<std::string> name_kana;
  CivilDate birth_date;
};
struct KnownPhone {
  std::string family_id, family_name, phone;  // the family's or one of its guardians'
};
// The duplicates of `r`: families with the SameChild as one of its children,
// families with a phone
// of the same digits, and other pending registrations (in `others`; `r` itself
// is skipped) alike in either way. One entry per (family or registration, why).
std::vector<RegistrationDuplicate> FindDuplicates(const Registration& r, const std::vector<KnownChild>& children,
                                                  const std::vector<KnownPhone>& phones,
                                                  const std::vector<Registration>& others);

}  // namespace tadaima
