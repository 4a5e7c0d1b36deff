#include "notify/webpush.h"
#include "base/reasons.h"

#include <curl/curl.h>
#include <nlohmann/json.hpp>
#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <sodium.h>

#include <cstring>
#include <memory>

namespace tadaima::notify {
namespace {

using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using PKeyCtx = std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)>;

constexpr size_t kPointBytes = 65;
constexpr size_t kAuthBytes = 16;
constexpr uint32_t kRecordSize = 4096;

Error CryptoError(const char* what) { return Error::Internal(std::string("web push crypto: ") + what); }

std::string Bytes(const unsigned char* p, size_t n) { return std::string(reinterpret_cast<const char*>(p), n); }
const unsigned char* U(const std::string& s) { return reinterpret_cast<const unsigned char*>(s.data()); }

Result<std::string> PublicPoint(EVP_PKEY* key) {
  unsigned char buf[kPointBytes];
  size_t len = 0;
  if (EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, buf, sizeof buf, &len) != 1 ||
      len != kPointBytes)
    return Fail(CryptoError("cannot read the public point"));
  return Bytes(buf, len);
}

// A P-256 key from parts: the public point, and the private scalar when given.
Result<PKey> KeyFrom(const std::string& point, const std::string* scalar) {
  PKeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr), EVP_PKEY_CTX_free);
  char group[] = "prime256v1";
  std::unique_ptr<BIGNUM, decltype(&BN_free)> priv(nullptr, BN_free);
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, group, 0);
  OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size());
  if (scalar) {
    priv.reset(BN_bin2bn(U(*scalar), static_cast<int>(scalar->size()), nullptr));
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, priv.get());
  }
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
  EVP_PKEY* raw = nullptr;
  int ok = ctx && EVP_PKEY_fromdata_init(ctx.get()) == 1 &&
           EVP_PKEY_fromdata(ctx.get(), &raw, scalar ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params) == 1;
  OSSL_PARAM_free(params);
  OSSL_PARAM_BLD_free(bld);
  PKey key(raw, EVP_PKEY_free);
  if (!ok || !key) return Fail(Error::InvalidArgument("not a P-256 public key"));
  // On the curve and not the point at infinity. P-256's cofactor is 1, so that is the whole
  // check: the full one only adds a multiplication by the group order (~50 µs per push).
  PKeyCtx check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr), EVP_PKEY_CTX_free);
  if (!check || EVP_PKEY_public_check_quick(check.get()) != 1) return Fail(Error::InvalidArgument("not a P-256 public key"));
  return key;
}

// `theirs` was checked by KeyFrom, so the derivation does not check it again.
Result<std::string> Ecdh(EVP_PKEY* mine, EVP_PKEY* theirs) {
  PKeyCtx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, mine, nullptr), EVP_PKEY_CTX_free);
  size_t len = 0;
  if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 || EVP_PKEY_derive_set_peer_ex(ctx.get(), theirs, 0) != 1 ||
      EVP_PKEY_derive(ctx.get(), nullptr, &len) != 1)
    return Fail(CryptoError("ECDH failed"));
  std::string out(len, '\0');
  if (EVP_PKEY_derive(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len) != 1)
    return Fail(CryptoError("ECDH failed"));
  out.resize(len);
  return out;
}

// A fresh P-256 key pair (one per message, RFC 8291 §3.1); each thread keeps its
// prepared key-generation context.
Result<PKey> EphemeralKey() {
  thread_local PKeyCtx ctx = [] {
    PKeyCtx c(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr), EVP_PKEY_CTX_free);
    if (c && (EVP_PKEY_keygen_init(c.get()) != 1 || EVP_PKEY_CTX_set_group_name(c.get(), "P-256") != 1)) c.reset();
    return c;
  }();
  EVP_PKEY* raw = nullptr;
  if (!ctx || EVP_PKEY_keygen(ctx.get(), &raw) != 1) return Fail(CryptoError("cannot make a key pair"));
  return PKey(raw, EVP_PKEY_free);
}

// HKDF-SHA256 (extract and expand).
Result<std::string> Hkdf(const std::string& salt, const std::string& ikm, const std::string& info, size_t length) {
  std::unique_ptr<EVP_KDF, decltype(&EVP_KDF_free)> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr), EVP_KDF_free);
  std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)> ctx(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr,
                                                                 EVP_KDF_CTX_free);
  char digest[] = "SHA256";
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<char*>(ikm.data()), ikm.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char*>(salt.data()), salt.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<char*>(info.data()), info.size()),
      OSSL_PARAM_construct_end()};
  std::string out(length, '\0');
  if (!ctx || EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), length, params) != 1)
    return Fail(CryptoError("HKDF failed"));
  return out;
}

Result<std::string> Aes128GcmSeal(const std::string& key, const std::string& nonce, const std::string& plaintext) {
  std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> c(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  std::string out(plaintext.size() + 16, '\0');
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  int len = 0, fin = 0;
  if (!c || EVP_EncryptInit_ex(c.get(), EVP_aes_128_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(c.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce.size()), nullptr) != 1 ||
      EVP_EncryptInit_ex(c.get(), nullptr, nullptr, U(key), U(nonce)) != 1 ||
      EVP_EncryptUpdate(c.get(), o, &len, U(plaintext), static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(c.get(), o + len, &fin) != 1 ||
      EVP_CIPHER_CTX_ctrl(c.get(), EVP_CTRL_GCM_GET_TAG, 16, o + len + fin) != 1)
    return Fail(CryptoError("AES-GCM failed"));
  out.resize(static_cast<size_t>(len + fin) + 16);
  return out;
}

// The raw r||s (64 bytes) ES256 signature of `data`.
Result<std::string> SignEs256(EVP_PKEY* key, const std::string& data) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> md(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  size_t len = 0;
  if (!md || EVP_DigestSignInit(md.get(), nullptr, EVP_sha256(), nullptr, key) != 1 ||
      EVP_DigestSign(md.get(), nullptr, &len, U(data), data.size()) != 1)
    return Fail(CryptoError("signing failed"));
  std::string der(len, '\0');
  if (EVP_DigestSign(md.get(), reinterpret_cast<unsigned char*>(der.data()), &len, U(data), data.size()) != 1)
    return Fail(CryptoError("signing failed"));
  const unsigned char* p = U(der);
  std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(len)),
                                                            ECDSA_SIG_free);
  if (!sig) return Fail(CryptoError("bad signature encoding"));
  const BIGNUM *r = nullptr, *s = nullptr;
  ECDSA_SIG_get0(sig.get(), &r, &s);
  unsigned char raw[64];
  if (BN_bn2binpad(r, raw, 32) != 32 || BN_bn2binpad(s, raw + 32, 32) != 32)
    return Fail(CryptoError("bad signature size"));
  return Bytes(raw, sizeof raw);
}

bool IsLoopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "::1" || host == "[::1]"; }

struct Url {
  std::string scheme, host;
  std::optional<std::string> port;
};
std::optional<Url> ParseUrl(const std::string& text) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> u(curl_url(), curl_url_cleanup);
  if (!u || curl_url_set(u.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) return std::nullopt;
  Url out;
  auto part = [&](CURLUPart which) -> std::optional<std::string> {
    char* v = nullptr;
    if (curl_url_get(u.get(), which, &v, 0) != CURLUE_OK || !v) return std::nullopt;
    std::string s(v);
    curl_free(v);
    return s;
  };
  auto scheme = part(CURLUPART_SCHEME);
  auto host = part(CURLUPART_HOST);
  if (!scheme || !host) return std::nullopt;
  if (part(CURLUPART_USER)) return std::nullopt;  // no credentials in push endpoints
  out.scheme = *scheme;
  out.host = *host;
  for (auto& c : out.host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  out.port = part(CURLUPART_PORT);
  return out;
}

}  // namespace

std::string Base64Url(const std::string& bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), U(bytes), bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::optional<std::string> FromBase64Url(const std::string& text) {
  std::string t = text;
  while (!t.empty() && t.back() == '=') t.pop_back();
  std::string out(t.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), t.data(), t.size(), nullptr, &len,
                        nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    return std::nullopt;
  out.resize(len);
  return out;
}

Result<VapidKey> NewVapidKey() {
  PKey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), EVP_PKEY_free);
  if (!key) return Fail(CryptoError("cannot make a key pair"));
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  if (PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
    return Fail(CryptoError("cannot write the key"));
  char* data = nullptr;
  long n = BIO_get_mem_data(bio.get(), &data);
  return VapidKey{std::string(data, static_cast<size_t>(n)), Base64Url(TRY(PublicPoint(key.get())))};
}

namespace {
Result<PKey> ReadPrivate(const std::string& pem) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  PKey key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
  if (!key) return Fail(CryptoError("cannot read the VAPID key"));
  return key;
}
}  // namespace

Result<VapidKey> LoadVapidKey(const std::string& private_pem) {
  auto key = TRY(ReadPrivate(private_pem));
  return VapidKey{private_pem, Base64Url(TRY(PublicPoint(key.get())))};
}

std::optional<std::string> EndpointOrigin(const std::string& endpoint) {
  auto url = ParseUrl(endpoint);
  if (!url) return std::nullopt;
  std::string origin = url->scheme + "://" + url->host;
  if (url->port) origin += ":" + *url->port;
  return origin;
}

Result<std::string> VapidAuthorization(const VapidKey& vapid, const std::string& endpoint, const std::string& subject,
                                       int64_t expires_s) {
  auto aud = EndpointOrigin(endpoint);
  if (!aud) return Fail(Error::InvalidArgument("endpoint is not a URL"));
  auto key = TRY(ReadPrivate(vapid.private_pem));
  const std::string header = Base64Url(R"({"typ":"JWT","alg":"ES256"})");
  const std::string claims = Base64Url(nlohmann::json{{"aud", *aud}, {"exp", expires_s}, {"sub", subject}}.dump());
  const std::string signing_input = header + "." + claims;
  const std::string signature = TRY(SignEs256(key.get(), signing_input));
  return "vapid t=" + signing_input + "." + Base64Url(signature) + ", k=" + vapid.public_key;
}

Result<std::string> EncryptPayload(const std::string& p256dh, const std::string& auth, const std::string& plaintext,
                                   const FixedSecrets* fixed) {
  auto ua_point = FromBase64Url(p256dh);
  auto auth_secret = FromBase64Url(auth);
  if (!ua_point || !auth_secret) return Fail(Error::InvalidArgument("subscription keys are not base64url"));
  auto ua = TRY(KeyFrom(*ua_point, nullptr));

  PKey as(nullptr, EVP_PKEY_free);
  std::string salt(16, '\0');
  if (fixed) {
    as = TRY(KeyFrom(fixed->ephemeral_public, &fixed->ephemeral_private));
    salt = fixed->salt;
  } else {
    as = TRY(EphemeralKey());
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), 16) != 1) return Fail(CryptoError("no randomness"));
  }
  const std::string as_point = TRY(PublicPoint(as.get()));

  const std::string ecdh = TRY(Ecdh(as.get(), ua.get()));
  const std::string key_info = std::string("WebPush: info") + '\0' + *ua_point + as_point;
  const std::string ikm = TRY(Hkdf(*auth_secret, ecdh, key_info, 32));
  const std::string cek = TRY(Hkdf(salt, ikm, std::string("Content-Encoding: aes128gcm") + '\0', 16));
  const std::string nonce = TRY(Hkdf(salt, ikm, std::string("Content-Encoding: nonce") + '\0', 12));
  const std::string sealed = TRY(Aes128GcmSeal(cek, nonce, plaintext + '\x02'));

  std::string body = salt;
  for (int shift = 24; shift >= 0; shift -= 8) body += static_cast<char>((kRecordSize >> shift) & 0xff);
  body += static_cast<char>(kPointBytes);
  body += as_point;
  body += sealed;
  return body;
}

Status CheckSubscriptionKeys(const std::string& p256dh, const std::string& auth) {
  auto point = FromBase64Url(p256dh);
  if (!point || point->size() != kPointBytes || !KeyFrom(*point, nullptr))
    return Fail(Error::InvalidField("keys.p256dh", reason::kNotP256Key));
  auto secret = FromBase64Url(auth);
  if (!secret || secret->size() != kAuthBytes)
    return Fail(Error::InvalidField("keys.auth", reason::kNotAuthSecret));
  return {};
}

std::vector<std::string> DefaultPushHosts() {
  return {"fcm.googleapis.com", "updates.push.services.mozilla.com", "web.push.apple.com", "*.push.apple.com",
          "*.notify.windows.com"};
}

Status CheckEndpoint(const EndpointRules& rules, const std::string& endpoint) {
  auto url = ParseUrl(endpoint);
  if (!url || endpoint.size() > 1000) return Fail(Error::InvalidField("endpoint", reason::kNotUrl));
  bool listed = false;
  for (const auto& allowed : rules.allowed_hosts) {
    if (allowed.rfind("*.", 0) == 0) {
      const std::string suffix = allowed.substr(1);  // ".example.com"
      listed |= url->host.size() > suffix.size() && url->host.ends_with(suffix);
    } else {
      listed |= url->host == allowed;
    }
  }
  if (!listed) return Fail(Error::InvalidField("endpoint", reason::kPushServiceNotAllowed));
  if (url->scheme != "https" && !(url->scheme == "http" && IsLoopback(url->host)))
    return Fail(Error::InvalidField("endpoint", reason::kNotHttps));
  return {};
}

}  // namespace tadaima::notify
