#include "rules/usage_stats.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "rules/age_grade.h"

namespace tadaima {
namespace {

const char* kOther = "その他";

CivilDate FirstOfMonth(int year, int month) { return CivilDate{year, month, 1}; }

CivilDate NextMonth(const CivilDate& d) {
  return d.month == 12 ? CivilDate{d.year + 1, 1, 1} : CivilDate{d.year, d.month + 1, 1};
}

std::string MonthKey(const CivilDate& d) { return fmt::format("{:04}-{:02}", d.year, d.month); }

// The local days [first, last] as instants, looked up by binary search: the time
// zone is asked once a day, not once a visit.
class Days {
 public:
  Days(const CivilDate& first, const CivilDate& last, const std::string& time_zone) {
    for (CivilDate d = first; !(last < d); d = NextDay(d)) {
      dates_.push_back(d);
      starts_.push_back(InstantAt(d, 0, time_zone));
    }
    starts_.push_back(InstantAt(NextDay(last), 0, time_zone));
  }
  // The index of the day holding `at`, or -1 outside.
  int IndexOf(int64_t at) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), at);
    if (it == starts_.begin() || it == starts_.end()) return -1;
    return static_cast<int>(it - starts_.begin()) - 1;
  }
  const CivilDate& Date(int i) const { return dates_[i]; }
  int64_t Start(int i) const { return starts_[i]; }
  size_t size() const { return dates_.size(); }

 private:
  std::vector<CivilDate> dates_;
  std::vector<int64_t> starts_;  // one more than dates_: the end of the last day
};

// The key of a day-like grouping for day `i` of `days` and an instant in it.
std::string TimeKey(StatsGroup group, const Days& days, int i, int64_t at) {
  if (group == StatsGroup::kDay) return days.Date(i).ToString();
  if (group == StatsGroup::kMonth) return MonthKey(days.Date(i));
  const std::string hour = fmt::format("{:02}", static_cast<int>((at - days.Start(i)) / 3'600'000));
  return group == StatsGroup::kDayHour ? days.Date(i).ToString() + " " + hour : hour;
}

}  // namespace

std::string AgeBand(const CivilDate& birth, const CivilDate& day) {
  if (birth > day) return kOther;
  const int years = AgeOn(birth, day).years;
  if (years <= 2) return std::to_string(years) + "歳";
  const int grade = GradeNumberOn(birth, day);
  if (grade <= 0) return "3歳以上未就学";
  if (grade <= 6) return "小学生";
  if (grade <= 9) return "中学生";
  return kOther;
}

std::string ReportGrade(const CivilDate& birth, const CivilDate& day) {
  const int grade = birth > day ? 0 : GradeNumberOn(birth, day);
  return grade >= 1 && grade <= 6 ? "小" + std::to_string(grade) : kOther;
}

const std::vector<std::string>& AgeBands() {
  static const std::vector<std::string> kBands{"0歳", "1歳", "2歳", "3歳以上未就学", "小学生", "中学生", kOther};
  return kBands;
}

const std::vector<std::string>& ReportGrades() {
  static const std::vector<std::string> kGrades{"小1", "小2", "小3", "小4", "小5", "小6", kOther};
  return kGrades;
}

std::optional<StatsGroup> ParseStatsGroup(std::string_view name) {
  if (name == "day") return StatsGroup::kDay;
  if (name == "month") return StatsGroup::kMonth;
  if (name == "age_band") return StatsGroup::kAgeBand;
  if (name == "hour") return StatsGroup::kHour;
  if (name == "grade") return StatsGroup::kGrade;
  if (name == "day_hour") return StatsGroup::kDayHour;
  return std::nullopt;
}

std::vector<StatsRow> GroupVisits(const std::vector<VisitFact>& facts, StatsGroup group, const CivilDate& from,
                                  const CivilDate& to, const std::string& time_zone, const FirstVisits& first) {
  std::vector<std::string> keys;  // in order, zeros included
  if (group == StatsGroup::kDay)
    for (CivilDate d = from; !(to < d); d = NextDay(d)) keys.push_back(d.ToString());
  if (group == StatsGroup::kMonth)
    for (CivilDate m = FirstOfMonth(from.year, from.month); !(to < m); m = NextMonth(m)) keys.push_back(MonthKey(m));
  if (group == StatsGroup::kHour)
    for (int h = 0; h < 24; ++h) keys.push_back(fmt::format("{:02}", h));
  if (group == StatsGroup::kAgeBand) keys.assign(AgeBands().begin(), AgeBands().end() - 1);

  const Days days(from, to, time_zone);
  std::map<std::string, StatsRow> rows;
  std::map<std::string, std::set<std::string>> families, seen;  // per key: families, visit keys
  for (const auto& v : facts) {
    const int i = days.IndexOf(v.in_at);
    if (i < 0) continue;
    const CivilDate& day = days.Date(i);
    std::string key;
    switch (group) {
      case StatsGroup::kAgeBand: key = AgeBand(v.birth_date, day); break;
      case StatsGroup::kGrade: key = GradeOn(v.birth_date, std::max(day, v.birth_date)); break;
      default: key = TimeKey(group, days, i, v.in_at);
    }
    StatsRow& row = rows[key];
    if (seen[key].insert(v.visit_key).second) {
      row.visits += 1;
      row.adults += v.adults;
    }
    row.children += v.has_child;
    families[key].insert(v.family_key);
  }
  if (group == StatsGroup::kDay || group == StatsGroup::kMonth) {
    for (const auto& [pair, at] : first)
      if (const int i = days.IndexOf(at); i >= 0) rows[TimeKey(group, days, i, at)].first_time_families += 1;
  }
  if (group == StatsGroup::kAgeBand && rows.count(kOther)) keys.push_back(kOther);
  if (group == StatsGroup::kGrade || group == StatsGroup::kDayHour)
    for (const auto& [key, row] : rows) keys.push_back(key);  // the keys seen, in the map's order

  std::vector<StatsRow> out;
  for (const auto& key : keys) {
    StatsRow row = rows.count(key) ? rows.at(key) : StatsRow{};
    row.key = key;
    row.families = static_cast<int64_t>(families[key].size());
    out.push_back(std::move(row));
  }
  return out;
}

StatsTotal TotalOf(const std::vector<VisitFact>& facts) {
  StatsTotal t;
  std::set<std::string> families, seen;
  for (const auto& v : facts) {
    if (seen.insert(v.visit_key).second) {
      t.visits += 1;
      t.adults += v.adults;
    }
    t.children += v.has_child;
    families.insert(v.family_key);
  }
  t.families = static_cast<int64_t>(families.size());
  return t;
}

ReportCounts::ReportCounts() {
  for (const auto& b : AgeBands()) bands[b] = 0;
  for (const auto& g : ReportGrades()) grades[g] = 0;
}

void ReportCounts::Add(const ReportCounts& o) {
  visits += o.visits;
  children += o.children;
  adults += o.adults;
  first_time_families += o.first_time_families;
  course_participants += o.course_participants;
  consultations += o.consultations;
  extension_minutes += o.extension_minutes;
  for (const auto& [k, n] : o.bands) bands[k] += n;
  for (const auto& [k, n] : o.grades) grades[k] += n;
}

FacilityReport BuildFacilityReport(const Facility& facility, int year, int month, const ReportInputs& in,
                                   const std::string& time_zone) {
  FacilityReport r;
  r.facility = facility;
  const CivilDate first_day = FirstOfMonth(year, month);
  const Days days(first_day, AddDays(NextMonth(first_day), -1), time_zone);
  std::vector<int64_t> closing;  // each day's closing time
  for (size_t i = 0; i < days.size(); ++i) {
    const int64_t from = days.Start(static_cast<int>(i)), to = days.Start(static_cast<int>(i) + 1);
    ReportDay day;
    day.date = days.Date(static_cast<int>(i));
    day.open = std::none_of(in.closures.begin(), in.closures.end(),
                            [&](const auto& c) { return c.first < to && c.second > from; });
    r.open_days += day.open;
    closing.push_back(InstantAt(day.date, facility.closes_at, time_zone));
    r.days.push_back(std::move(day));
  }
  auto day_of = [&](int64_t at) -> ReportDay* {
    const int i = days.IndexOf(at);
    return i < 0 ? nullptr : &r.days[i];
  };
  std::map<std::string, ReportChild> children;
  std::map<std::string, std::set<CivilDate>> child_days;
  std::set<std::string> seen;  // visit keys counted
  for (const auto& v : in.visits) {
    ReportDay* day = day_of(v.in_at);
    if (!day) continue;
    ReportCounts& c = day->counts;
    if (seen.insert(v.visit_key).second) {
      c.visits += 1;
      c.adults += v.adults;
    }
    if (!v.has_child) continue;
    const int64_t closes = closing[day - r.days.data()];
    const int64_t extension = v.out_at && *v.out_at > closes ? (*v.out_at - closes) / 60000 : 0;
    c.children += 1;
    c.bands[AgeBand(v.birth_date, day->date)] += 1;
    c.grades[ReportGrade(v.birth_date, day->date)] += 1;
    c.extension_minutes += extension;
    if (v.child_id.empty()) continue;  // a paper form's child
    ReportChild& child = children[v.child_id];
    child.id = v.child_id;
    child.name = v.child_name;
    child.name_kana = v.child_name_kana;
    child.grade = GradeOn(v.birth_date, std::max(first_day, v.birth_date));
    child.extension_minutes += extension;
    child_days[v.child_id].insert(day->date);
  }
  for (const auto& [key, at] : in.first)
    if (key.first == facility.id)
      if (ReportDay* day = day_of(at)) day->counts.first_time_families += 1;
  for (const auto& [starts_at, seated] : in.course_children)
    if (ReportDay* day = day_of(starts_at)) day->counts.course_participants += seated;
  for (int64_t at : in.consultations)
    if (ReportDay* day = day_of(at)) day->counts.consultations += 1;
  for (const auto& day : r.days) r.totals.Add(day.counts);
  if (facility.kind == FacilityKind::kAfterSchool) {
    for (auto& [id, child] : children) {
      child.days = static_cast<int64_t>(child_days[id].size());
      r.children.push_back(std::move(child));
    }
    std::sort(r.children.begin(), r.children.end(), [](const ReportChild& a, const ReportChild& b) {
      return std::tie(a.name_kana, a.name, a.id) < std::tie(b.name_kana, b.name, b.id);
    });
  }
  return r;
}

}  // namespace tadaima
