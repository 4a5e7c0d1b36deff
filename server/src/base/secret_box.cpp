#include "base/secret_box.h"

#include <sodium.h>

#include <cctype>
#include <cstdlib>

namespace tadaima {
namespace {

// sodium_init is idempotent and thread-safe; random numbers need it.
void EnsureSodium() {
  if (sodium_init() < 0) std::abort();
}

bool IsKeyId(std::string_view id) {
  if (id.empty() || id.size() > 32) return false;
  for (char c : id)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  return true;
}

std::string Base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::optional<std::string> FromBase64(std::string_view text) {
  std::string out(text.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return std::nullopt;
  out.resize(len);
  return out;
}

}  // namespace

Result<std::vector<SealKey>> ParseSealKeys(std::string_view text) {
  std::vector<SealKey> keys;
  while (!text.empty()) {
    const size_t comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    const size_t colon = item.find(':');
    if (colon == std::string_view::npos || !IsKeyId(item.substr(0, colon)))
      return Fail(Error::InvalidArgument("a consultation key is id:base64 (id of letters, digits, _ and -)"));
    auto bytes = FromBase64(item.substr(colon + 1));
    if (!bytes || bytes->size() != crypto_secretbox_KEYBYTES)
      return Fail(Error::InvalidArgument("a consultation key must be 32 bytes in base64"));
    for (const auto& k : keys)
      if (k.id == item.substr(0, colon)) return Fail(Error::InvalidArgument("two consultation keys share an id"));
    keys.push_back({std::string(item.substr(0, colon)), std::move(*bytes)});
  }
  return keys;
}

std::string NewSealKeyText(const std::string& id) {
  EnsureSodium();
  std::string key(crypto_secretbox_KEYBYTES, '\0');
  crypto_secretbox_keygen(reinterpret_cast<unsigned char*>(key.data()));
  return id + ":" + Base64(key);
}

std::string Seal(const SealKey& key, std::string_view plain) {
  EnsureSodium();
  std::string box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(box.data());
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plain.data()),
                        plain.size(), nonce, reinterpret_cast<const unsigned char*>(key.bytes.data()));
  return Base64(box);
}

std::optional<std::string> Unseal(const SealKey& key, std::string_view sealed) {
  auto box = FromBase64(sealed);
  if (!box || box->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return std::nullopt;
  const auto* nonce = reinterpret_cast<const unsigned char*>(box->data());
  const size_t cipher_len = box->size() - crypto_secretbox_NONCEBYTES;
  std::string plain(cipher_len - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), nonce + crypto_secretbox_NONCEBYTES,
                                 cipher_len, nonce, reinterpret_cast<const unsigned char*>(key.bytes.data())) != 0)
    return std::nullopt;
  return plain;
}

}  // namespace tadaima
