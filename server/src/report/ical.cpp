#include "report/ical.h"

#include <libical/ical.h>

#include <memory>

#include "base/time.h"
#include "rules/calendar.h"

namespace tadaima::report {
namespace {

icaltimetype Utc(int64_t ms) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(ms / 1000), 0, icaltimezone_get_utc_timezone());
}

icaltimetype Date(const CivilDate& d) {
  icaltimetype t = icaltime_null_date();
  t.year = d.year;
  t.month = d.month;
  t.day = d.day;
  return t;
}

const char* Category(EventKind kind) {
  switch (kind) {
    case EventKind::kClosure: return "休館日";
    case EventKind::kCourse: return "講座";
    case EventKind::kEvent: break;
  }
  return "行事";
}

icalcomponent* EventComponent(const IcsCalendar& cal, const IcsEntry& entry) {
  const CalendarEvent& e = entry.event;
  icalcomponent* v = icalcomponent_new_vevent();
  icalcomponent_add_property(v, icalproperty_new_uid((e.id + "@" + cal.uid_domain).c_str()));
  icalcomponent_add_property(v, icalproperty_new_dtstamp(Utc(cal.now)));
  icalcomponent_add_property(v, icalproperty_new_lastmodified(Utc(e.updated_at)));
  if (IsAllDay(e, cal.time_zone)) {
    icalcomponent_add_property(v, icalproperty_new_dtstart(Date(DateAt(e.starts_at, cal.time_zone))));
    icalcomponent_add_property(v, icalproperty_new_dtend(Date(DateAt(e.ends_at, cal.time_zone))));
  } else {
    icalcomponent_add_property(v, icalproperty_new_dtstart(Utc(e.starts_at)));
    icalcomponent_add_property(v, icalproperty_new_dtend(Utc(e.ends_at)));
  }
  std::string summary = e.title;
  if (e.kind == EventKind::kClosure) summary = "【休館日】" + summary;
  if (entry.mark) summary = "【" + *entry.mark + "】" + summary;
  if (e.cancelled()) summary = "【中止】" + summary;
  icalcomponent_add_property(v, icalproperty_new_summary(summary.c_str()));
  if (!e.description.empty()) icalcomponent_add_property(v, icalproperty_new_description(e.description.c_str()));
  if (e.facility_name) icalcomponent_add_property(v, icalproperty_new_location(e.facility_name->c_str()));
  icalcomponent_add_property(v, icalproperty_new_categories(Category(e.kind)));
  icalcomponent_add_property(v, icalproperty_new_status(e.cancelled() ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property(v, icalproperty_new_transp(e.kind == EventKind::kClosure ? ICAL_TRANSP_TRANSPARENT
                                                                                      : ICAL_TRANSP_OPAQUE));
  return v;
}

icalproperty* XProperty(const char* name, const std::string& value) {
  icalproperty* p = icalproperty_new_x(value.c_str());
  icalproperty_set_x_name(p, name);
  return p;
}

}  // namespace

std::string CalendarIcs(const IcsCalendar& calendar, const std::vector<IcsEntry>& entries) {
  std::unique_ptr<icalcomponent, void (*)(icalcomponent*)> cal(icalcomponent_new_vcalendar(), icalcomponent_free);
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//Tadaima//Calendar//JA"));
  icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  icalcomponent_add_property(cal.get(), XProperty("X-WR-CALNAME", calendar.name));
  icalcomponent_add_property(cal.get(), XProperty("X-WR-TIMEZONE", calendar.time_zone));
  for (const auto& entry : entries) icalcomponent_add_component(cal.get(), EventComponent(calendar, entry));
  char* text = icalcomponent_as_ical_string_r(cal.get());
  std::string out = text ? text : "";
  icalmemory_free_buffer(text);
  return out;
}

}  // namespace tadaima::report
