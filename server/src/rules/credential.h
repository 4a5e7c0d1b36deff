// QR credentials: compact signed text naming the organization, the kind
// (child or family), the subject's id and a version.
//
//   TDM1:<base32 of org(16) | subject(16) | kind(1) | version(2) | mac(10)>
//
// Upper-case base32 keeps the text in QR alphanumeric mode: 77 characters,
// which fits QR version 4 at error correction M. The MAC is keyed BLAKE2b
// (libsodium) truncated to 80 bits; only our own server verifies it.
// Pure functions given the key.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tadaima {

enum class CredentialKind { kChild = 1, kFamily = 2 };

struct CredentialClaims {
  std::string organization_id;
  CredentialKind kind = CredentialKind::kChild;
  std::string subject_id;
  int version = 1;
};

constexpr size_t kCredentialKeyBytes = 32;

// The text for `claims`. REQUIRES: the ids are NewId ids, 1 <= version <= 65535,
// key.size() == kCredentialKeyBytes.
std::string EncodeCredential(const std::string& key, const CredentialClaims& claims);

// The claims of `text` when it is a well-formed credential signed with `key`;
// nullopt for anything else (wrong prefix, bad base32, length, signature).
// Surrounding spaces and line ends (a USB scanner's) are ignored.
std::optional<CredentialClaims> DecodeCredential(const std::string& key, std::string_view text);

}  // namespace tadaima
