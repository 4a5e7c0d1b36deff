// The CSV import of families: the file read and checked into a plan, the plan written.
#include "service/family_imports.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "base/field_errors.h"
#include "base/ids.h"
#include "base/reasons.h"
#include "report/csv.h"
#include "report/encoding.h"
#include "rules/permissions.h"
#include "rules/registration.h"
#include "rules/validation.h"
#include "service/family_records.h"
#include "store/audit_store.h"
#include "store/organization_store.h"
#include "store/registration_store.h"

namespace tadaima::service {

struct FamilyImports::Plan {
  ImportReport report;
  struct New {
    Family family;
    std::vector<Facility> facilities;
  };
  std::vector<New> families;  // to create: no error, not known already
};

namespace {

constexpr size_t kKeptJobs = 20;

Status AdminOnly(const Actor& actor) {
  if (!IsOrgAdmin(actor)) return Fail(Error::PermissionDenied(reason::kOrgAdminOnly));
  return {};
}

// One family of the file: what the rows say, and which row and column each input path came from.
struct FileFamily {
  FamilyInput input;
  std::map<std::string, std::pair<int, std::string>> origin;  // "guardians[0].email" -> (row, column)
  std::map<int, std::vector<std::pair<std::string, Problem>>> problems;  // by row
  std::vector<Facility> facilities;
  Registration as_registration;  // for the duplicate checks
};

FileFamily FamilyOfRows(const std::vector<const ImportRow*>& rows, const std::vector<Facility>& facilities,
                        const std::string& label) {
  FileFamily f;
  const ImportRow& first = *rows.front();
  f.input.name = first.Get("family_name").value_or("");
  f.origin["name"] = {first.row, "family_name"};
  f.origin["guardians"] = {first.row, "guardian_name"};
  f.origin["children"] = {first.row, "child_name"};
  for (const char* key : {"address", "phone"})
    for (const ImportRow* r : rows)
      if (auto v = r->Get(key); v && !f.origin.count(key)) {
        (std::string(key) == "address" ? f.input.address : f.input.phone) = *v;
        f.origin[key] = {r->row, key};
      }
  std::set<std::string> guardians, children, facility_ids;
  for (const ImportRow* r : rows) {
    auto problem = [&](const std::string& column, const Problem& p) { f.problems[r->row].emplace_back(column, p); };
    if (auto name = r->Get("guardian_name"); name && guardians.insert(*name).second) {
      const std::string at = "guardians[" + std::to_string(f.input.guardians.size()) + "].";
      f.input.guardians.push_back({*name, r->Get("email"), r->Get("relation"), r->Get("guardian_name_kana"), std::nullopt});
      for (const auto& [field, column] : std::vector<std::pair<std::string, std::string>>{
               {"name", "guardian_name"}, {"email", "email"}, {"relation", "relation"}, {"name_kana", "guardian_name_kana"}})
        f.origin[at + field] = {r->row, column};
    }
    const auto child = r->Get("child_name");
    const std::string birth = NormalizeImportDate(r->Get("birth_date").value_or(""));
    if (!child) problem("child_name", reason::kRequired);
    if (!r->Get("birth_date")) problem("birth_date", reason::kRequired);
    if (child && r->Get("birth_date") && children.insert(*child + "|" + birth).second) {
      const std::string at = "children[" + std::to_string(f.input.children.size()) + "].";
      f.input.children.push_back({*child, r->Get("child_name_kana"), birth});
      for (const auto& [field, column] : std::vector<std::pair<std::string, std::string>>{
               {"name", "child_name"}, {"name_kana", "child_name_kana"}, {"birth_date", "birth_date"}})
        f.origin[at + field] = {r->row, column};
    }
    if (auto name = r->Get("facility")) {
      auto it = std::find_if(facilities.begin(), facilities.end(), [&](const Facility& x) { return x.name == *name; });
      if (it == facilities.end()) problem("facility", reason::kNoSuchFacility);
      else if (facility_ids.insert(it->id).second) f.facilities.push_back(*it);
    }
  }
  Registration& reg = f.as_registration;
  reg.id = label;
  reg.family_name = f.input.name;
  reg.phone = f.input.phone.value_or("");
  for (const auto& c : f.input.children)
    if (auto birth = CivilDate::Parse(c.birth_date)) reg.children.push_back({c.name, c.name_kana, *birth});
  return f;
}

nlohmann::json FamilyAudit(const Family& f) { return {{"imported", true}, {"children", f.children.size()}}; }

}  // namespace

FamilyImports::~FamilyImports() = default;

Result<FamilyImports::Plan> FamilyImports::Check(const Actor& actor, const std::string& file) {
  TRY_STATUS(AdminOnly(actor));
  auto text = report::SpreadsheetTextToUtf8(file);
  if (!text) return Fail(Error::InvalidArgument(reason::kNotCsvText));
  Plan plan;
  std::string_view bytes = file;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  plan.report.encoding = Utf8Length(bytes) >= 0 ? "utf-8" : "shift_jis";
  auto records = report::ReadCsv(*text);
  if (!records) return Fail(Error::InvalidArgument(reason::kBadCsv.WithText(records.error().message)));
  if (records->size() < 2) return Fail(Error::InvalidArgument(reason::kEmptyImport));
  if (records->size() > kMaxRows + 1) return Fail(Error::InvalidArgument(reason::kTooManyImportRows));
  ImportReport& report = plan.report;
  const auto keys = MapImportHeader(records->front(), report.file_problems);
  const auto rows = ImportRows(*records, keys, report.file_problems);
  if (rows.empty()) return Fail(Error::InvalidArgument(reason::kEmptyImport));
  const auto groups = GroupImportFamilies(rows);
  const int64_t now = clock_.NowMs();
  const CivilDate today = ctx_.Today(actor);

  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<Plan> {
    const auto facilities = TRY(store::ListFacilities(tx, actor.organization_id, std::nullopt));
    std::vector<FileFamily> families;
    std::set<CivilDate> births;
    for (size_t i = 0; i < groups.size(); ++i) {
      families.push_back(FamilyOfRows(groups[i], facilities, "row:" + std::to_string(groups[i].front()->row)));
      for (const auto& c : families.back().as_registration.children) births.insert(c.birth_date);
    }
    const auto known_children = TRY(store::ChildrenBornOn(tx, actor.organization_id, {births.begin(), births.end()}));
    const auto known_phones = TRY(store::KnownPhones(tx, actor.organization_id));
    std::vector<Registration> in_file;
    for (const auto& f : families) in_file.push_back(f.as_registration);

    for (size_t i = 0; i < families.size(); ++i) {
      FileFamily& f = families[i];
      FieldErrors errs;
      Family family = NewFamilyFrom(f.input, actor.organization_id, now, today, errs);
      if (auto s = errs.ToStatus(); !s)
        for (const auto& [path, problem] : s.error().fields) {
          auto at = f.origin.find(path);
          const auto [row, column] = at != f.origin.end() ? at->second : std::pair{groups[i].front()->row, std::string()};
          f.problems[row].emplace_back(column, problem);
        }
      const auto duplicates = FindDuplicates(f.as_registration, known_children, known_phones, in_file);
      const bool known = std::any_of(duplicates.begin(), duplicates.end(), [](const auto& d) { return d.family_id.has_value(); });
      const bool bad = !f.problems.empty();
      for (const ImportRow* r : groups[i]) {
        ImportRowReport item{r->row, f.input.name, r->Get("child_name").value_or(""), "create", {}, {}};
        if (auto p = f.problems.find(r->row); p != f.problems.end()) item.problems = p->second;
        else if (bad) item.problems.emplace_back("", reason::kFamilyHasErrors);
        item.action = bad ? "error" : known ? "duplicate" : "create";
        if (r == groups[i].front()) item.duplicates = duplicates;
        report.errors += !item.problems.empty();
        report.items.push_back(std::move(item));
      }
      report.rows += static_cast<int>(groups[i].size());
      if (known) {
        report.duplicate_families += 1;
      } else if (!bad) {
        report.families += 1;
        report.children += static_cast<int>(family.children.size());
        plan.families.push_back({std::move(family), f.facilities});
      }
    }
    std::sort(report.items.begin(), report.items.end(), [](const auto& a, const auto& b) { return a.row < b.row; });
    return std::move(plan);
  });
}

Status FamilyImports::Write(const Actor& actor, const Plan& plan, const Progress& progress) {
  const int64_t now = clock_.NowMs();
  const int total = static_cast<int>(plan.families.size());
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status {
    int done = 0;
    for (auto n : plan.families) {  // a copy: logins are assigned in it
      TRY_STATUS(InsertNewFamily(tx, n.family, n.facilities, now));
      TRY_STATUS(store::InsertAudit(tx,
                                    {actor.organization_id, actor.user_id, "family.create", "family", n.family.id,
                                     FamilyAudit(n.family).dump()},
                                    NewId(now), now));
      if (progress) progress(++done, total);
    }
    return store::InsertAudit(tx,
                              {actor.organization_id, actor.user_id, "family.import", "organization",
                               actor.organization_id,
                               nlohmann::json{{"families", total}, {"skipped_known", plan.report.duplicate_families}}.dump()},
                              NewId(now), now);
  });
}

Result<ImportReport> FamilyImports::DryRun(const Actor& actor, const std::string& file) {
  return TRY(Check(actor, file)).report;
}

Result<ImportReport> FamilyImports::Run(const Actor& actor, const std::string& file, const Progress& progress) {
  Plan plan = TRY(Check(actor, file));
  if (!plan.report.ok()) return Fail(Error::InvalidArgument(reason::kImportHasErrors));
  TRY_STATUS(Write(actor, plan, progress));
  return plan.report;
}

Result<ImportJob> FamilyImports::Start(const Actor& actor, const std::string& file) {
  auto plan = std::make_shared<Plan>(TRY(Check(actor, file)));
  if (!plan->report.ok()) return Fail(Error::InvalidArgument(reason::kImportHasErrors));
  ImportJob job;
  job.id = NewId(clock_.NowMs());
  job.organization_id = actor.organization_id;
  job.total = static_cast<int>(plan->families.size());
  job.report = plan->report;
  job.started_at = clock_.NowMs();
  std::lock_guard lock(mu_);
  // The threads of finished jobs have nothing left to do but end: join them.
  for (auto it = workers_.begin(); it != workers_.end();)
    it = jobs_.count(it->first) && jobs_[it->first].status == "running" ? std::next(it) : workers_.erase(it);
  // Keep the running jobs and the latest finished ones.
  while (jobs_.size() >= kKeptJobs) {
    auto oldest = std::find_if(jobs_.begin(), jobs_.end(), [](const auto& j) { return j.second.status != "running"; });
    if (oldest == jobs_.end()) break;
    jobs_.erase(oldest);
  }
  jobs_[job.id] = job;
  workers_[job.id] = std::jthread([this, actor, plan, id = job.id] {
    auto status = Write(actor, *plan, [&](int done, int) {
      std::lock_guard lock(mu_);
      jobs_[id].done = done;
    });
    std::lock_guard lock(mu_);
    ImportJob& j = jobs_[id];
    j.status = status ? "done" : "failed";
    if (!status) j.error = status.error(), j.done = 0;  // rolled back: nothing was imported
    j.finished_at = clock_.NowMs();
  });
  return job;
}

Result<ImportJob> FamilyImports::Get(const Actor& actor, const std::string& id) {
  std::lock_guard lock(mu_);
  auto it = jobs_.find(id);
  if (!IsOrgAdmin(actor) || it == jobs_.end() || it->second.organization_id != actor.organization_id)
    return Fail(Error::NotFound("import not found"));
  return it->second;
}

}  // namespace tadaima::service
