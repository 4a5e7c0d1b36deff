#include "rules/audience.h"

#include <algorithm>
#include <set>

#include "base/reasons.h"
#include "rules/age_grade.h"

namespace tadaima {
namespace {

const std::set<std::string>& Grades() {
  static const std::set<std::string> kGrades{"未就学", "小1", "小2", "小3", "小4", "小5", "小6",
                                             "中1",    "中2", "中3", "高1", "高2", "高3", "その他"};
  return kGrades;
}

void CheckIds(const std::optional<std::vector<std::string>>& ids, const std::string& field, FieldErrors& errs) {
  if (!ids) return;
  if (ids->empty()) return errs.Add(field, reason::kEmpty);
  if (ids->size() > kAudienceMaxIds) return errs.Add(field, reason::TooLong(kAudienceMaxIds));
  for (size_t i = 0; i < ids->size(); ++i)
    if ((*ids)[i].empty()) errs.Add(field + "[" + std::to_string(i) + "]", reason::kEmpty);
}

}  // namespace

void CheckAudienceValues(const Audience& a, const std::string& prefix, FieldErrors& errs) {
  CheckIds(a.facility_ids, prefix + "facility_ids", errs);
  CheckIds(a.family_ids, prefix + "family_ids", errs);
  CheckIds(a.child_ids, prefix + "child_ids", errs);
  if (a.grades) {
    if (a.grades->empty()) errs.Add(prefix + "grades", reason::kEmpty);
    for (size_t i = 0; i < a.grades->size(); ++i)
      if (!Grades().count((*a.grades)[i])) errs.Add(prefix + "grades[" + std::to_string(i) + "]", reason::kNotGrade);
  }
  const std::string age = prefix + "age_months.";
  for (auto [value, name] : {std::pair{a.age_months_min, "min"}, std::pair{a.age_months_max, "max"}})
    if (value && (*value < 0 || *value > kAudienceMaxAgeMonths))
      errs.Add(age + name, reason::OutOfRange(0, kAudienceMaxAgeMonths));
  if (a.age_months_min && a.age_months_max && *a.age_months_min > *a.age_months_max && !errs.Has(age + "min"))
    errs.Add(age + "min", reason::kMinAboveMax);
}

bool HasChildFilter(const Audience& a) {
  return a.child_ids || a.grades || a.age_months_min || a.age_months_max;
}

bool ChildMatches(const Audience& a, const std::string& child_id, const CivilDate& birth, const CivilDate& on) {
  if (a.child_ids && std::find(a.child_ids->begin(), a.child_ids->end(), child_id) == a.child_ids->end())
    return false;
  if (a.grades && std::find(a.grades->begin(), a.grades->end(), GradeOn(birth, on)) == a.grades->end()) return false;
  if (a.age_months_min || a.age_months_max) {
    if (on < birth) return false;
    const Age age = AgeOn(birth, on);
    const int months = age.years * 12 + age.months;
    if (a.age_months_min && months < *a.age_months_min) return false;
    if (a.age_months_max && months > *a.age_months_max) return false;
  }
  return true;
}

nlohmann::json AudienceJson(const Audience& a) {
  nlohmann::json j = nlohmann::json::object();
  if (a.facility_ids) j["facility_ids"] = *a.facility_ids;
  if (a.family_ids) j["family_ids"] = *a.family_ids;
  if (a.child_ids) j["child_ids"] = *a.child_ids;
  if (a.grades) j["grades"] = *a.grades;
  if (a.age_months_min || a.age_months_max) {
    nlohmann::json age = nlohmann::json::object();
    if (a.age_months_min) age["min"] = *a.age_months_min;
    if (a.age_months_max) age["max"] = *a.age_months_max;
    j["age_months"] = age;
  }
  return j;
}

Audience AudienceFromJson(const nlohmann::json& j) {
  Audience a;
  if (!j.is_object()) return a;
  auto list = [&](const char* key, std::optional<std::vector<std::string>>& out) {
    if (!j.contains(key) || !j[key].is_array()) return;
    out.emplace();
    for (const auto& v : j[key])
      if (v.is_string()) out->push_back(v.get<std::string>());
  };
  list("facility_ids", a.facility_ids);
  list("family_ids", a.family_ids);
  list("child_ids", a.child_ids);
  list("grades", a.grades);
  if (j.contains("age_months") && j["age_months"].is_object()) {
    const auto& age = j["age_months"];
    if (age.contains("min") && age["min"].is_number_integer()) a.age_months_min = age["min"].get<int>();
    if (age.contains("max") && age["max"].is_number_integer()) a.age_months_max = age["max"].get<int>();
  }
  return a;
}

}  // namespace tadaima
