// Consultation records (相談記録) as stored: the body sealed (the service seals
// and opens it; this file never sees the plain text), the key that sealed it.
//
// Contracts: every call takes the organization id and touches nothing of
// another organization; lists are newest occurred_at first.
#pragma once

#include <optional>

#include "db/database.h"
#include "model/consultation.h"

namespace tadaima::store {

// A record with its body still sealed (Consultation::body empty).
struct SealedConsultation {
  Consultation record;
  std::string key_id, sealed_body;
};

Status InsertConsultation(db::Tx& tx, const SealedConsultation& c, const std::string& created_by, int64_t now);
// Writes category, occurred_at, follow_up_on, key_id and the sealed body.
Status UpdateConsultation(db::Tx& tx, const SealedConsultation& c, int64_t now);
Result<std::optional<SealedConsultation>> FindConsultation(db::Tx& tx, const std::string& organization_id,
                                                           const std::string& id);
Result<std::vector<SealedConsultation>> ListConsultations(db::Tx& tx, const std::string& organization_id,
                                                          const std::string& family_id);
// When the facility's consultations of [from, to) took place (the monthly report counts them).
Result<std::vector<int64_t>> ConsultationTimesAt(db::Tx& tx, const std::string& organization_id,
                                                 const std::string& facility_id, int64_t from, int64_t to);
// Key rotation, across organizations: up to `limit` records not sealed with `key_id`.
Result<std::vector<SealedConsultation>> ConsultationsNotSealedWith(db::Tx& tx, const std::string& key_id, int limit);

}  // namespace tadaima::store
