// How visits are counted, the same in every figure (docs/openapi.yaml, tag
// stats): a visit is one arrival, it belongs to the day and hour of its in_at
// in the organization's zone, its children are counted per visit by their age
// band and school grade on that day. The statistics' groupings and the monthly
// usage report (利用者実績表) of one facility are computed here from the visits
// of the period, with no I/O. Pure functions.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "model/model.h"
#include "rules/report_columns.h"

namespace tadaima {

// 0歳, 1歳, 2歳, 3歳以上未就学, 小学生, 中学生, その他 on `day`.
std::string AgeBand(const CivilDate& birth, const CivilDate& day);
// The report's school years: 小1..小6, その他 for anyone else.
std::string ReportGrade(const CivilDate& birth, const CivilDate& day);
const std::vector<std::string>& AgeBands();      // the bands in order, その他 last
const std::vector<std::string>& ReportGrades();  // 小1..小6, その他

// One child present in a visit (組), with what counting needs of it. The
// children who came together share visit_key (their group, or the child's
// own visit) and carry the visit's adults; a visit counts once in each
// grouping key its children fall in (a child's arrival corrected to another
// day takes the visit there too). A visit of adults only (a paper form with
// no child) is one fact with has_child false. Anonymous children of paper
// forms have no child_id, a birth date estimated from the form's age, and
// "walk-in:<group>" as family_key.
struct VisitFact {
  std::string facility_id, child_id, family_key, child_name, visit_key;
  std::optional<std::string> child_name_kana;
  CivilDate birth_date;
  int64_t in_at = 0;  // the child's arrival
  std::optional<int64_t> out_at;
  int adults = 0;
  bool has_child = true;
};

// The first visit ever at a facility of each family seen: (facility, family_key) -> in_at.
using FirstVisits = std::map<std::pair<std::string, std::string>, int64_t>;

enum class StatsGroup { kDay, kMonth, kAgeBand, kHour, kGrade, kDayHour };
std::optional<StatsGroup> ParseStatsGroup(std::string_view name);

struct StatsRow {
  std::string key;
  int64_t visits = 0, children = 0, adults = 0, families = 0, first_time_families = 0;
};
struct StatsTotal {
  int64_t visits = 0, children = 0, adults = 0, families = 0;
};
// The visits of [from, to] (every fact's in_at inside it) grouped by `group`:
// day and month list every day or month of the range, hour every hour,
// age_band every band (その他 only when any), grade the grades seen, day_hour
// ("2027-06-01 15", for a heat map) only the hours with a visit.
std::vector<StatsRow> GroupVisits(const std::vector<VisitFact>& facts, StatsGroup group, const CivilDate& from,
                                  const CivilDate& to, const std::string& time_zone, const FirstVisits& first);
StatsTotal TotalOf(const std::vector<VisitFact>& facts);

// --- the monthly usage report of one facility

struct ReportCounts {
  int64_t visits = 0, children = 0, adults = 0, first_time_families = 0, course_participants = 0;
  int64_t consultations = 0;  // consultation records (相談) of the day
  int64_t extension_minutes = 0;
  std::map<std::string, int64_t> bands, grades;  // every band and report grade, zeros included
  ReportCounts();
  void Add(const ReportCounts& other);
};
struct ReportDay {
  CivilDate date;
  bool open = true;
  ReportCounts counts;
};
struct ReportChild {
  std::string id, name;
  std::optional<std::string> name_kana;
  std::string grade;
  int64_t days = 0, extension_minutes = 0;
};
struct FacilityReport {
  Facility facility;
  std::vector<ReportDay> days;  // every day of the month
  ReportCounts totals;
  int64_t open_days = 0;
  std::vector<ReportChild> children;  // after-school clubs: every child who came, by furigana
};

// What a facility's month is made of besides its visits.
struct ReportInputs {
  std::vector<VisitFact> visits;  // in_at within the month
  FirstVisits first;
  std::vector<std::pair<int64_t, int64_t>> closures;        // [starts_at, ends_at)
  std::vector<std::pair<int64_t, int64_t>> course_children;  // (starts_at, confirmed children)
  std::vector<int64_t> consultations;                        // when each took place
};
// The facility's report of the month (year, month) in `time_zone`.
FacilityReport BuildFacilityReport(const Facility& facility, int year, int month, const ReportInputs& in,
                                   const std::string& time_zone);

// A month's report: every facility asked for, and their total.
struct MonthlyReportData {
  int year = 0, month = 0;
  std::vector<FacilityReport> facilities;
  ReportCounts total;
  int64_t open_days = 0;  // summed over the facilities
  ReportColumns columns = DefaultReportColumns();  // what the files show (rules/report_columns.h)
};


}  // namespace tadaima
