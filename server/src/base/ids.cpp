#include "base/ids.h"

#include <sodium.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <mutex>

namespace tadaima {
namespace {

constexpr char kCrockford[] = "0123456789abcdefghjkmnpqrstvwxyz";
constexpr char kReadable[] = "23456789abcdefghjkmnpqrstuvwxyz";

struct SodiumInit {
  SodiumInit() {
    if (sodium_init() < 0) std::abort();
  }
};

void EnsureSodium() { static SodiumInit init; }

}  // namespace

std::string NewId(int64_t now_ms) {
  EnsureSodium();
  // Within one process ids strictly increase: a second id in the same (or an
  // earlier) millisecond takes the previous one's random part plus one.
  static std::mutex mu;
  static std::array<uint8_t, 16> last{};
  std::array<uint8_t, 16> bytes{};
  uint64_t t = static_cast<uint64_t>(now_ms);
  for (int i = 5; i >= 0; --i) {
    bytes[i] = t & 0xff;
    t >>= 8;
  }
  {
    std::lock_guard lock(mu);
    if (std::memcmp(bytes.data(), last.data(), 6) <= 0) {
      bytes = last;
      for (int i = 15; i >= 6 && ++bytes[i] == 0; --i) {
      }
    } else {
      randombytes_buf(bytes.data() + 6, 10);
    }
    last = bytes;
  }
  // 128 bits -> 26 base32 characters (the first carries 3 bits).
  std::string out(26, '0');
  unsigned __int128 v = 0;
  for (uint8_t b : bytes) v = (v << 8) | b;
  for (int i = 25; i >= 0; --i) {
    out[i] = kCrockford[static_cast<int>(v & 31)];
    v >>= 5;
  }
  return out;
}

bool IsUuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (s[i] == '-')) return false;
    if (!dash && !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

bool LooksLikeId(std::string_view text) {
  if (text.size() != 26) return false;
  for (char c : text)
    if (!std::strchr(kCrockford, c) || c == '\0') return false;
  return true;
}

std::string RandomToken(size_t bytes) {
  EnsureSodium();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                    raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::string NewUuid() {
  EnsureSodium();
  unsigned char b[16];
  randombytes_buf(b, sizeof b);
  b[6] = (b[6] & 0x0f) | 0x40;  // version 4
  b[8] = (b[8] & 0x3f) | 0x80;  // RFC 4122 variant
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[b[i] >> 4];
    out += kHex[b[i] & 15];
  }
  return out;
}

std::string RandomCode(size_t length) {
  EnsureSodium();
  std::string out(length, '\0');
  const uint32_t n = sizeof(kReadable) - 1;
  for (auto& c : out) c = kReadable[randombytes_uniform(n)];
  return out;
}

std::string HashToken(std::string_view token) {
  EnsureSodium();
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool SecureEquals(std::string_view a, std::string_view b) {
  EnsureSodium();
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace tadaima
