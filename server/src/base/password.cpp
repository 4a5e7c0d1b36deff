#include "base/password.h"

#include <sodium.h>

#include <cstdlib>

#include "base/ids.h"

namespace tadaima {
namespace {
PasswordCost cost = PasswordCost::kInteractive;
}  // namespace

void SetPasswordCost(PasswordCost c) { cost = c; }

std::string HashPassword(std::string_view password) {
  RandomToken(1);  // makes sure libsodium is initialised
  char out[crypto_pwhash_STRBYTES];
  const bool minimum = cost == PasswordCost::kMinimum;
  if (crypto_pwhash_str(out, password.data(), password.size(),
                        minimum ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        minimum ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    std::abort();  // out of memory: nothing sensible to do
  }
  return out;
}

bool VerifyPassword(std::string_view encoded_hash, std::string_view password) {
  if (encoded_hash.empty() || encoded_hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string hash(encoded_hash);
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void SpendVerificationTime(std::string_view password) {
  static const std::string dummy = HashPassword("tadaima-timing-equaliser");
  (void)VerifyPassword(dummy, password);
}

}  // namespace tadaima
