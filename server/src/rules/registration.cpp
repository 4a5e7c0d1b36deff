#include "rules/registration.h"

#include <sodium.h>

#include <set>
#include <tuple>

#include "rules/search_text.h"

namespace tadaima {
namespace {

constexpr size_t kMacBytes = 16;

std::string Mac(const std::string& key, std::string_view text) {
  // A key of its own, so that no credential MAC can pass as a form token.
  unsigned char form_key[crypto_generichash_KEYBYTES];
  static const char kPurpose[] = "tadaima registration form token";
  crypto_generichash(form_key, sizeof form_key, reinterpret_cast<const unsigned char*>(kPurpose), sizeof kPurpose - 1,
                     reinterpret_cast<const unsigned char*>(key.data()), key.size());
  unsigned char mac[kMacBytes];
  crypto_generichash(mac, sizeof mac, reinterpret_cast<const unsigned char*>(text.data()), text.size(), form_key,
                     sizeof form_key);
  char hex[kMacBytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

std::vector<std::string> PhonesOf(const Registration& r) {
  std::vector<std::string> out;
  auto add = [&](std::string_view phone) {
    std::string digits = PhoneDigits(phone);
    if (digits.size() >= 6) out.push_back(std::move(digits));  // too short to say anything
  };
  add(r.phone);
  for (const auto& g : r.guardians)
    if (g.phone) add(*g.phone);
  return out;
}

}  // namespace

bool SameChild(const std::string& name_a, const std::optional<std::string>& kana_a, const CivilDate& birth_a,
               const std::string& name_b, const std::optional<std::string>& kana_b, const CivilDate& birth_b) {
  if (!(birth_a == birth_b)) return false;
  if (NormalizeForSearch(name_a) == NormalizeForSearch(name_b)) return true;
  return kana_a && kana_b && NormalizeForSearch(*kana_a) == NormalizeForSearch(*kana_b);
}

std::string EncodeFormToken(const std::string& key, const std::string& organization_id, int64_t issued_at) {
  const std::string text = organization_id + "." + std::to_string(issued_at);
  return text + "." + Mac(key, text);
}

std::optional<FormToken> DecodeFormToken(const std::string& key, std::string_view text) {
  const size_t last = text.rfind('.');
  if (last == std::string_view::npos) return std::nullopt;
  const std::string_view signed_part = text.substr(0, last), mac = text.substr(last + 1);
  const std::string expected = Mac(key, signed_part);
  if (mac.size() != expected.size() || sodium_memcmp(mac.data(), expected.data(), mac.size()) != 0)
    return std::nullopt;
  const size_t dot = signed_part.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  FormToken out;
  out.organization_id = std::string(signed_part.substr(0, dot));
  const std::string_view ms = signed_part.substr(dot + 1);
  if (ms.empty() || ms.size() > 15) return std::nullopt;
  for (char c : ms) {
    if (c < '0' || c > '9') return std::nullopt;
    out.issued_at = out.issued_at * 10 + (c - '0');
  }
  return out;
}

std::string PlainPhone(std::string_view phone) {
  static const std::pair<std::string_view, char> kWide[] = {
      {"０", '0'}, {"１", '1'}, {"２", '2'}, {"３", '3'}, {"４", '4'}, {"５", '5'}, {"６", '6'}, {"７", '7'},
      {"８", '8'}, {"９", '9'}, {"ー", '-'}, {"－", '-'}, {"‐", '-'}, {"−", '-'}, {"（", '('}, {"）", ')'}, {"　", ' '}};
  std::string out;
  for (size_t i = 0; i < phone.size();) {
    bool replaced = false;
    for (const auto& [wide, ascii] : kWide)
      if (phone.substr(i, wide.size()) == wide) {
        out += ascii;
        i += wide.size();
        replaced = true;
        break;
      }
    if (!replaced) out += phone[i++];
  }
  return out;
}

std::string PhoneDigits(std::string_view phone) {
  std::string out;
  for (size_t i = 0; i < phone.size(); ++i) {
    const unsigned char c = phone[i];
    if (c >= '0' && c <= '9') {
      out += static_cast<char>(c);
    } else if (c == 0xEF && i + 2 < phone.size() && static_cast<unsigned char>(phone[i + 1]) == 0xBC) {
      const unsigned char d = phone[i + 2];  // U+FF10..U+FF19 are EF BC 90..99
      if (d >= 0x90 && d <= 0x99) {
        out += static_cast<char>('0' + (d - 0x90));
        i += 2;
      }
    }
  }
  return out;
}

std::vector<RegistrationDuplicate> FindDuplicates(const Registration& r, const std::vector<KnownChild>& children,
                                                  const std::vector<KnownPhone>& phones,
                                                  const std::vector<Registration>& others) {
  std::vector<RegistrationDuplicate> out;
  std::set<std::tuple<std::string, std::string, std::string>> seen;  // (family, registration, why)
  auto add = [&](RegistrationDuplicate d) {
    if (seen.emplace(d.family_id.value_or(""), d.registration_id.value_or(""), d.why).second)
      out.push_back(std::move(d));
  };
  const std::vector<std::string> own_phones = PhonesOf(r);
  auto shares_phone = [&](std::string_view phone) {
    const std::string digits = PhoneDigits(phone);
    for (const auto& p : own_phones)
      if (p == digits) return true;
    return false;
  };
  for (const auto& rc : r.children)
    for (const auto& k : children)
      if (SameChild(rc.name, rc.name_kana, rc.birth_date, k.name, k.name_kana, k.birth_date))
        add({k.family_id, std::nullopt, k.family_name, "same_child"});
  for (const auto& p : phones)
    if (shares_phone(p.phone)) add({p.family_id, std::nullopt, p.family_name, "same_phone"});
  for (const auto& o : others) {
    if (o.id == r.id) continue;
    for (const auto& rc : r.children)
      for (const auto& oc : o.children)
        if (SameChild(rc.name, rc.name_kana, rc.birth_date, oc.name, oc.name_kana, oc.birth_date))
          add({std::nullopt, o.id, o.family_name, "same_child"});
    for (const auto& p : PhonesOf(o))
      for (const auto& own : own_phones)
        if (p == own) add({std::nullopt, o.id, o.family_name, "same_phone"});
  }
  return out;
}

}  // namespace tadaima
