// Password hashing with argon2id (libsodium, interactive limits: ~90 ms each).
// Keep it off per-request paths: only login and password changes hash.
// Tests may lower the cost to argon2id's minimum (SetPasswordCost, set once at
// start before any thread hashes); a hash carries its own parameters, so every
// hash verifies whatever the cost is now.
#pragma once

#include <string>
#include <string_view>

namespace tadaima {

enum class PasswordCost { kInteractive, kMinimum };
void SetPasswordCost(PasswordCost cost);

// The encoded argon2id hash of `password` (includes salt and parameters).
std::string HashPassword(std::string_view password);

// True when `password` matches `encoded_hash`. An empty or malformed hash
// never matches. Costs as much as HashPassword.
bool VerifyPassword(std::string_view encoded_hash, std::string_view password);

// Spends the time of one verification without a real hash, so that an unknown
// login answers as slowly as a wrong password.
void SpendVerificationTime(std::string_view password);

}  // namespace tadaima
