// Sealing text at rest with a configured key (libsodium secretbox:
// XSalsa20-Poly1305, a fresh random nonce per seal). Keys are named, so a row
// records which key sealed it and keys can be rotated (docs/decisions/0018).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace tadaima {

struct SealKey {
  std::string id;     // [A-Za-z0-9_-]{1,32}
  std::string bytes;  // crypto_secretbox_KEYBYTES (32)
};

// "id:base64key[,id:base64key…]" (TADAIMA_CONSULTATION_KEYS); the first key
// seals, every key opens. Empty text: no keys.
Result<std::vector<SealKey>> ParseSealKeys(std::string_view text);
// A new random key in that form, for an operator's configuration.
std::string NewSealKeyText(const std::string& id);

// base64(nonce || secretbox(plain)).
std::string Seal(const SealKey& key, std::string_view plain);
// The plain text, or nullopt when `sealed` was not sealed with `key` or was altered.
std::optional<std::string> Unseal(const SealKey& key, std::string_view sealed);

}  // namespace tadaima
