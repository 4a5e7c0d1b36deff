// Importing families and children from a CSV file (docs/import.md) for
// facilities moving from another system: a dry run that says per row what would
// be created, which families seem known already (skipped) and which cells are
// wrong; then the import of a file with no error, in one transaction, in the
// background with its progress to poll (or at once, for the command line).
// Imported guardians get a login and no password: the window letter
// (登録案内状) gives each an initial password. Administrators only. Thread-safe.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "model/registration.h"
#include "rules/family_import.h"
#include "service/context.h"

namespace tadaima::service {

struct ImportRowReport {
  int row = 0;
  std::string family_name, child_name;
  std::string action;  // create | duplicate (a known family: skipped) | error
  std::vector<std::pair<std::string, Problem>> problems;  // by column key
  std::vector<RegistrationDuplicate> duplicates;
};
struct ImportReport {
  std::string encoding;  // utf-8 | shift_jis
  int rows = 0, families = 0, children = 0, duplicate_families = 0, errors = 0;
  std::vector<ImportProblem> file_problems;  // the header's, and rows too long
  std::vector<ImportRowReport> items;
  bool ok() const { return errors == 0 && file_problems.empty(); }
};
struct ImportJob {
  std::string id, organization_id;
  std::string status = "running";  // running | done | failed
  int total = 0, done = 0;         // families to create, created so far
  ImportReport report;
  std::optional<Error> error;  // failed: why (nothing was imported)
  int64_t started_at = 0;
  std::optional<int64_t> finished_at;
};

class FamilyImports : AreaService {
 public:
  explicit FamilyImports(Context& ctx) : AreaService(ctx) {}
  ~FamilyImports();

  static constexpr int kMaxRows = 20000;
  using Progress = std::function<void(int done, int total)>;

  Result<ImportReport> DryRun(const Actor& actor, const std::string& file);
  // Refuses a file with errors (import_has_errors); otherwise the job, running.
  Result<ImportJob> Start(const Actor& actor, const std::string& file);
  Result<ImportJob> Get(const Actor& actor, const std::string& id);
  // The import at once (the command line), `progress` after each family.
  Result<ImportReport> Run(const Actor& actor, const std::string& file, const Progress& progress);

 private:
  struct Plan;
  Result<Plan> Check(const Actor& actor, const std::string& file);
  Status Write(const Actor& actor, const Plan& plan, const Progress& progress);

  std::mutex mu_;
  std::map<std::string, ImportJob> jobs_;
  std::map<std::string, std::jthread> workers_;  // by job id; a finished one is joined at the next Start
};

}  // namespace tadaima::service
