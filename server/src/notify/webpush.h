// Web Push: the message encryption of RFC 8291 (aes128gcm, RFC 8188), the
// VAPID authorization of RFC 8292 (ES256 JWT), and which endpoints we call.
// OpenSSL 3 does the cryptography. Thread-safe (no shared state).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"

namespace tadaima::notify {

// The server's VAPID key pair: the private key as PKCS#8 PEM (what the
// database keeps) and the public key as base64url of the 65-byte point.
struct VapidKey {
  std::string private_pem;
  std::string public_key;
};
Result<VapidKey> NewVapidKey();
Result<VapidKey> LoadVapidKey(const std::string& private_pem);

// "vapid t=<JWT>, k=<public key>" for a push to `endpoint`, valid until
// `expires_s` (Unix seconds).
Result<std::string> VapidAuthorization(const VapidKey& key, const std::string& endpoint, const std::string& subject,
                                       int64_t expires_s);

// The encrypted body for a subscription's keys (base64url, as browsers give
// them). The salt and the ephemeral key pair (raw bytes) are fixed only in tests.
struct FixedSecrets {
  std::string salt;
  std::string ephemeral_public;   // 65-byte point
  std::string ephemeral_private;  // 32-byte scalar
};
Result<std::string> EncryptPayload(const std::string& p256dh, const std::string& auth, const std::string& plaintext,
                                   const FixedSecrets* fixed = nullptr);

// Checks a browser's subscription keys: p256dh a P-256 point, auth 16 bytes.
// Names the bad field ("keys.p256dh", "keys.auth").
Status CheckSubscriptionKeys(const std::string& p256dh, const std::string& auth);

// The push services we may call: https hosts on the list ("*.example.com"
// matches subdomains); loopback hosts on the list may also use http.
struct EndpointRules {
  std::vector<std::string> allowed_hosts;
};
std::vector<std::string> DefaultPushHosts();
Status CheckEndpoint(const EndpointRules& rules, const std::string& endpoint);
// "https://host[:port]" of the endpoint (the JWT's audience); nullopt when unparsable.
std::optional<std::string> EndpointOrigin(const std::string& endpoint);

// base64url without padding (padding accepted when decoding).
std::string Base64Url(const std::string& bytes);
std::optional<std::string> FromBase64Url(const std::string& text);

}  // namespace tadaima::notify
