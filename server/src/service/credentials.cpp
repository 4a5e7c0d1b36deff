// QR credentials of children and families, and the printed cards.
#include "base/ids.h"
#include "rules/credential.h"
#include "rules/permissions.h"
#include "report/qr.h"
#include "service/credentials.h"
#include "store/audit_store.h"
#include "store/enrollment_store.h"
#include "store/family_store.h"
#include "store/organization_store.h"
#include "base/reasons.h"

namespace tadaima::service {
namespace {

std::vector<std::string> FacilityIdsOf(const Family& f) {
  std::vector<std::string> out;
  for (const auto& e : f.enrollments) out.push_back(e.facility_id);
  return out;
}

// The family the credential belongs to, when the actor may read it.
Result<Family> ReadableFamily(db::Tx& tx, const Actor& actor, bool family, const std::string& id) {
  std::string family_id = id;
  if (!family) {
    auto child = TRY(store::FindChild(tx, actor.organization_id, id));
    if (!child) return Fail(Error::NotFound("child not found"));
    family_id = child->family_id;
  }
  auto f = TRY(store::FindFamily(tx, actor.organization_id, family_id));
  if (!f || !CanReadFamily(actor, f->id, FacilityIdsOf(*f)))
    return Fail(Error::NotFound(family ? "family not found" : "child not found"));
  return *f;
}

// Names of the facilities where the child (or, with an empty child id, the family) is active.
Result<std::vector<std::string>> PlacesOf(db::Tx& tx, const Family& f, const std::string& child_id) {
  std::vector<std::string> out;
  for (const auto& e : f.enrollments) {
    if (e.status != EnrollmentStatus::kActive) continue;
    if (!child_id.empty() && e.child_id && *e.child_id != child_id) continue;
    auto facility = TRY(store::FindFacility(tx, f.organization_id, e.facility_id));
    if (facility) out.push_back(facility->name);
  }
  return out;
}

}  // namespace

Result<CredentialInfo> Credentials::CurrentCredential(db::Tx& tx, const Actor& actor, bool family, const std::string& id) {
  auto key = TRY(secrets_.CredentialKey());
  Family f = TRY(ReadableFamily(tx, actor, family, id));
  int version = f.credential_version;
  if (!family)
    for (const auto& c : f.children)
      if (c.id == id) version = c.credential_version;
  CredentialClaims claims{actor.organization_id, family ? CredentialKind::kFamily : CredentialKind::kChild, id, version};
  return CredentialInfo{EncodeCredential(key, claims), version, family, id};
}

Result<CredentialInfo> Credentials::GetCredential(const Actor& actor, bool family, const std::string& id) {
  TRY(secrets_.CredentialKey());  // outside the transaction: it may write on first use
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) { return CurrentCredential(tx, actor, family, id); });
}

Result<CredentialInfo> Credentials::ReissueCredential(const Actor& actor, bool family, const std::string& id) {
  TRY(secrets_.CredentialKey());
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<CredentialInfo> {
    TRY(ReadableFamily(tx, actor, family, id));
    TRY(store::BumpCredentialVersion(tx, actor.organization_id, family, id, now));
    auto info = TRY(CurrentCredential(tx, actor, family, id));
    TRY_STATUS(store::InsertAudit(tx, {actor.organization_id, actor.user_id, "credential.reissue",
                                       family ? "family" : "child", id, "{\"version\":" + std::to_string(info.version) + "}"},
                                  NewId(now), now));
    return info;
  });
}

Result<std::string> Credentials::QrImage(const Actor& actor, bool family, const std::string& id,
                                         ImageFormat format) {
  auto c = TRY(GetCredential(actor, family, id));
  return format == ImageFormat::kSvg ? report::QrSvg(c.text) : report::QrPng(c.text);
}

Result<std::string> Credentials::ChildCardPdf(const Actor& actor, const std::string& child_id) {
  return report::CardsPdf({TRY(ChildCard(actor, child_id))});
}

Result<std::string> Credentials::FacilityCardsPdf(const Actor& actor, const std::string& facility_id) {
  return report::CardsPdf(TRY(FacilityCards(actor, facility_id)));
}

Result<Card> Credentials::ChildCard(const Actor& actor, const std::string& child_id) {
  TRY(secrets_.CredentialKey());
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<Card> {
    Family f = TRY(ReadableFamily(tx, actor, false, child_id));
    auto info = TRY(CurrentCredential(tx, actor, false, child_id));
    Card card;
    for (const auto& c : f.children)
      if (c.id == child_id) {
        card.title = c.name;
        card.subtitle = c.name_kana.value_or("");
      }
    card.places = TRY(PlacesOf(tx, f, child_id));
    card.credential = info.text;
    return card;
  });
}

Result<std::vector<Card>> Credentials::FacilityCards(const Actor& actor, const std::string& facility_id) {
  TRY_STATUS(RequireStaff(actor));
  TRY(secrets_.CredentialKey());
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<Card>> {
    auto facility = TRY(store::FindFacility(tx, actor.organization_id, facility_id));
    if (!facility || !StaffCoversFacility(actor, facility_id)) return Fail(Error::NotFound("facility not found"));
    std::vector<Card> cards;
    auto children = TRY(store::EnrolledChildren(tx, actor.organization_id, facility_id));
    if (facility->kind == FacilityKind::kDropIn) {
      std::vector<std::string> seen;
      for (const auto& c : children) {
        if (std::find(seen.begin(), seen.end(), c.family_id) != seen.end()) continue;
        seen.push_back(c.family_id);
        auto f = TRY(store::FindFamily(tx, actor.organization_id, c.family_id));
        auto info = TRY(CurrentCredential(tx, actor, true, c.family_id));
        std::string names;
        for (const auto& k : f->children) names += (names.empty() ? "" : "・") + k.name;
        cards.push_back({f->name + " 様", names, {facility->name}, info.text});
      }
    } else {
      for (const auto& c : children) {
        auto info = TRY(CurrentCredential(tx, actor, false, c.id));
        cards.push_back({c.name, c.name_kana.value_or(""), {facility->name}, info.text});
      }
    }
    return cards;
  });
}

}  // namespace tadaima::service
