#include "rules/credential.h"

#include <sodium.h>

#include <array>
#include <cstdint>
#include <cstring>

namespace tadaima {
namespace {

constexpr std::string_view kPrefix = "TDM1:";
constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr char kIdAlphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
constexpr size_t kBodyBytes = 16 + 16 + 1 + 2;
constexpr size_t kMacBytes = 10;
constexpr size_t kTotalBytes = kBodyBytes + kMacBytes;

using Bytes = std::array<uint8_t, kTotalBytes>;

// A NewId id (26 Crockford characters) as its 16 bytes.
bool IdToBytes(std::string_view id, uint8_t* out) {
  if (id.size() != 26) return false;
  unsigned __int128 v = 0;
  for (char c : id) {
    const char* p = std::strchr(kIdAlphabet, c);
    if (!p || c == '\0') return false;
    v = (v << 5) | static_cast<unsigned>(p - kIdAlphabet);
  }
  for (int i = 15; i >= 0; --i) {
    out[i] = static_cast<uint8_t>(v & 0xff);
    v >>= 8;
  }
  return true;
}

std::string BytesToId(const uint8_t* in) {
  unsigned __int128 v = 0;
  for (int i = 0; i < 16; ++i) v = (v << 8) | in[i];
  std::string out(26, '0');
  for (int i = 25; i >= 0; --i) {
    out[i] = kIdAlphabet[static_cast<int>(v & 31)];
    v >>= 5;
  }
  return out;
}

void Mac(const std::string& key, const uint8_t* body, uint8_t* out) {
  uint8_t full[crypto_generichash_BYTES_MIN];
  crypto_generichash(full, sizeof full, body, kBodyBytes, reinterpret_cast<const uint8_t*>(key.data()), key.size());
  std::memcpy(out, full, kMacBytes);
}

std::string Base32(const uint8_t* data, size_t n) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (size_t i = 0; i < n; ++i) {
    buffer = (buffer << 8) | data[i];
    bits += 8;
    while (bits >= 5) {
      out += kBase32[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kBase32[(buffer << (5 - bits)) & 31];
  return out;
}

bool FromBase32(std::string_view text, uint8_t* out, size_t n) {
  if (text.size() != (n * 8 + 4) / 5) return false;
  uint32_t buffer = 0;
  int bits = 0;
  size_t pos = 0;
  for (char c : text) {
    const char* p = std::strchr(kBase32, c);
    if (!p || c == '\0') return false;
    buffer = (buffer << 5) | static_cast<uint32_t>(p - kBase32);
    bits += 5;
    if (bits >= 8) {
      if (pos == n) return false;
      out[pos++] = static_cast<uint8_t>((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return pos == n && (buffer & ((1u << bits) - 1)) == 0;  // canonical: no stray bits
}

}  // namespace

std::string EncodeCredential(const std::string& key, const CredentialClaims& claims) {
  Bytes b{};
  IdToBytes(claims.organization_id, b.data());
  IdToBytes(claims.subject_id, b.data() + 16);
  b[32] = static_cast<uint8_t>(claims.kind);
  b[33] = static_cast<uint8_t>(claims.version >> 8);
  b[34] = static_cast<uint8_t>(claims.version & 0xff);
  Mac(key, b.data(), b.data() + kBodyBytes);
  return std::string(kPrefix) + Base32(b.data(), b.size());
}

std::optional<CredentialClaims> DecodeCredential(const std::string& key, std::string_view text) {
  while (!text.empty() && std::strchr(" \t\r\n", text.front())) text.remove_prefix(1);
  while (!text.empty() && std::strchr(" \t\r\n", text.back())) text.remove_suffix(1);
  if (text.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  Bytes b{};
  if (!FromBase32(text.substr(kPrefix.size()), b.data(), b.size())) return std::nullopt;
  uint8_t expected[kMacBytes];
  Mac(key, b.data(), expected);
  if (sodium_memcmp(expected, b.data() + kBodyBytes, kMacBytes) != 0) return std::nullopt;
  if (b[32] != 1 && b[32] != 2) return std::nullopt;
  CredentialClaims c;
  c.organization_id = BytesToId(b.data());
  c.subject_id = BytesToId(b.data() + 16);
  c.kind = static_cast<CredentialKind>(b[32]);
  c.version = (b[33] << 8) | b[34];
  return c;
}

}  // namespace tadaima
