#include "rules/report_columns.h"

#include <algorithm>
#include <set>

#include "base/reasons.h"
#include "rules/usage_stats.h"

namespace tadaima {
namespace {

std::vector<ReportColumn> BandColumns() {
  const std::vector<std::string> keys{"band_0", "band_1", "band_2", "band_preschool", "band_elementary",
                                      "band_junior_high", "band_other"};
  std::vector<ReportColumn> out;
  for (size_t i = 0; i < keys.size(); ++i) out.push_back({keys[i], AgeBands()[i]});
  return out;
}

std::vector<ReportColumn> GradeColumns() {
  std::vector<ReportColumn> out;
  for (size_t i = 0; i < ReportGrades().size(); ++i)
    out.push_back({i + 1 < ReportGrades().size() ? "grade_" + std::to_string(i + 1) : "grade_other", ReportGrades()[i]});
  return out;
}

std::vector<std::string> KeysOf(const std::vector<ReportColumn>& columns) {
  std::vector<std::string> out;
  for (const auto& c : columns) out.push_back(c.key);
  return out;
}

}  // namespace

const std::vector<ReportColumn>& DropInColumnChoices() {
  static const std::vector<ReportColumn> kColumns = [] {
    std::vector<ReportColumn> c{{"visits", "組数"}};
    for (auto& b : BandColumns()) c.push_back(b);
    for (ReportColumn x : {ReportColumn{"children", "子ども計"}, ReportColumn{"adults", "大人"},
                           ReportColumn{"first_time_families", "初回"}, ReportColumn{"consultations", "相談"},
                           ReportColumn{"course_participants", "講座"}, ReportColumn{"extension_minutes", "延長(分)"}})
      c.push_back(x);
    return c;
  }();
  return kColumns;
}

const std::vector<ReportColumn>& AfterSchoolColumnChoices() {
  static const std::vector<ReportColumn> kColumns = [] {
    std::vector<ReportColumn> c = GradeColumns();
    for (ReportColumn x : {ReportColumn{"children", "計"}, ReportColumn{"extension_minutes", "延長(分)"},
                           ReportColumn{"visits", "組数"}, ReportColumn{"first_time_families", "初回"},
                           ReportColumn{"course_participants", "講座"}})
      c.push_back(x);
    return c;
  }();
  return kColumns;
}

const ReportColumns& DefaultReportColumns() {
  static const ReportColumns kDefault = [] {
    ReportColumns d;
    d.drop_in = KeysOf(DropInColumnChoices());
    d.drop_in.pop_back();  // 延長(分) only in the organization's total
    d.after_school = KeysOf(AfterSchoolColumnChoices());
    d.after_school.resize(d.after_school.size() - 3);  // grades, 計, 延長(分)
    return d;
  }();
  return kDefault;
}

std::string ReportColumnLabel(const std::string& key, bool after_school) {
  for (const auto& c : after_school ? AfterSchoolColumnChoices() : DropInColumnChoices())
    if (c.key == key) return c.label;
  return key;
}

int64_t ReportColumnValue(const ReportCounts& c, const std::string& key) {
  if (key == "visits") return c.visits;
  if (key == "children") return c.children;
  if (key == "adults") return c.adults;
  if (key == "first_time_families") return c.first_time_families;
  if (key == "consultations") return c.consultations;
  if (key == "course_participants") return c.course_participants;
  if (key == "extension_minutes") return c.extension_minutes;
  for (const auto& b : BandColumns())
    if (b.key == key) return c.bands.at(b.label);
  for (const auto& g : GradeColumns())
    if (g.key == key) return c.grades.at(g.label);
  return 0;
}

void CheckReportColumns(const std::vector<std::string>& keys, bool after_school, const std::string& field,
                        FieldErrors& errs) {
  if (keys.empty()) errs.Add(field, reason::kRequired);
  const auto allowed = KeysOf(after_school ? AfterSchoolColumnChoices() : DropInColumnChoices());
  std::set<std::string> seen;
  for (size_t i = 0; i < keys.size(); ++i) {
    const std::string at = field + "[" + std::to_string(i) + "]";
    if (std::find(allowed.begin(), allowed.end(), keys[i]) == allowed.end()) errs.Add(at, reason::NotAChoice(allowed));
    else if (!seen.insert(keys[i]).second) errs.Add(at, reason::kDuplicateKey);
  }
}

}  // namespace tadaima
