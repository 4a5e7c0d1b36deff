// Identifiers, secrets and codes. Thread-safe (libsodium's randombytes).
#pragma once

#include <string>
#include <string_view>

namespace tadaima {

// A new opaque id: 26 lower-case Crockford base32 characters, time-ordered
// (48-bit millisecond time, 80 random bits) so that inserts stay local in indexes.
std::string NewId(int64_t now_ms);

// True when `text` has the shape of a NewId id.
bool LooksLikeId(std::string_view text);

// True when `text` is a UUID (8-4-4-4-12 hex digits): a client_id.
bool IsUuid(std::string_view text);
// A random (version 4) UUID, for a client_id the server itself sends (the demo).
std::string NewUuid();

// A random secret of `bytes` bytes, base64url without padding (cookies, tokens).
std::string RandomToken(size_t bytes = 32);

// A random code of `length` characters from an alphabet without look-alikes
// (no 0/o, 1/l/i): what a person copies from paper (logins, initial passwords).
std::string RandomCode(size_t length);

// The hex BLAKE2b-256 of a secret: what the database stores instead of it.
std::string HashToken(std::string_view token);

// Constant-time equality of two strings.
bool SecureEquals(std::string_view a, std::string_view b);

}  // namespace tadaima
