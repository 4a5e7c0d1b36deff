// Consultation records (相談記録): staff's notes of a family's consultations,
// shared by every room of the organization so that a family moving across the
// city keeps its support: staff read those of every family they see, whichever
// room wrote them. Only staff and administrators reach them (anyone else gets
// not_found); every read, write and export is written to the audit
// log in the same transaction; the body is sealed at rest with the configured
// key (Settings::consultation_keys, base/secret_box.h). Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/consultation.h"
#include "service/context.h"
#include "store/audit_store.h"

namespace tadaima::service {

struct ConsultationInput {
  std::optional<std::string> facility_id, category, body, follow_up_on;
  std::optional<int64_t> occurred_at;
};
struct ConsultationPatch {
  std::optional<std::string> category, body;
  std::optional<int64_t> occurred_at;
  Patch<std::optional<std::string>> follow_up_on;
};

class Consultations : AreaService {
 public:
  explicit Consultations(Context& ctx) : AreaService(ctx) {}

  static constexpr int kMaxBody = 4000;
  static const std::vector<std::string>& Categories();  // parenting, development, …, other

  // Staff record one at a room they cover (administrators at any room).
  Result<Consultation> Create(const Actor& actor, const std::string& family_id, const ConsultationInput& in);
  Result<std::vector<Consultation>> List(const Actor& actor, const std::string& family_id);
  Result<Consultation> Update(const Actor& actor, const std::string& id, const ConsultationPatch& patch);
  // The family's records as a CSV file (UTF-8 with BOM), for a transfer.
  Result<std::string> ExportCsv(const Actor& actor, const std::string& family_id);
  // Administrators: the audit entries about the family, newest first.
  Result<std::vector<store::AuditRecord>> FamilyAudit(const Actor& actor, const std::string& family_id);
  // Re-seals every record not sealed with the first key (the command line, after a
  // new key was put first); returns how many.
  Result<int> Reseal();
};

}  // namespace tadaima::service
