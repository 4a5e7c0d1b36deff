#include "app/import_command.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "store/organization_store.h"

namespace tadaima::app {
namespace {

void PrintReport(const service::ImportReport& r) {
  std::cout << "encoding " << r.encoding << ", " << r.rows << " rows: " << r.families << " families with " << r.children
            << " children to create, " << r.duplicate_families << " known families skipped, " << r.errors
            << " rows with errors\n";
  for (const auto& p : r.file_problems)
    std::cout << "  row " << p.row << (p.column.empty() ? "" : " " + p.column) << ": " << p.problem.text << " ("
              << p.problem.reason << ")\n";
  for (const auto& i : r.items) {
    for (const auto& [column, p] : i.problems)
      std::cout << "  row " << i.row << " " << column << ": " << p.text << " (" << p.reason << ")\n";
    for (const auto& d : i.duplicates)
      if (d.family_id) std::cout << "  row " << i.row << ": known family " << d.family_name << " (" << d.why << ")\n";
  }
}

}  // namespace

Result<int> ImportFamilies(service::Services& services, const std::string& organization_id, const std::string& path,
                           bool dry_run) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(Error::InvalidArgument("cannot read " + path));
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto org = TRY(services.context.db.Transact(db::TxMode::kRead, [&](db::Tx& tx) {
    return store::FindOrganization(tx, organization_id);
  }));
  if (!org) return Fail(Error::InvalidArgument("no organization " + organization_id));
  Actor actor;  // the command line: an administrator of the organization with no user (audited so)
  actor.organization_id = org->id;
  actor.time_zone = org->time_zone;
  actor.role = Role::kOrgAdmin;
  auto report = TRY(services.family_imports.DryRun(actor, bytes.str()));
  PrintReport(report);
  if (!report.ok()) return 1;
  if (dry_run) return 0;
  TRY(services.family_imports.Run(actor, bytes.str(), [](int done, int total) {
    if (done == total || done % 100 == 0) std::cout << "\r  " << done << " / " << total << " families" << std::flush;
  }));
  std::cout << "\nimported " << report.families << " families\n";
  return 0;
}

}  // namespace tadaima::app
