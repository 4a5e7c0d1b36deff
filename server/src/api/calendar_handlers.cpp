// The calendar (行事予定): closures, events, courses and their applications,
// the attendance list, and the families' iCalendar feeds.
#include "api/api.h"
#include "api/dto.h"
#include "api/json_input.h"
#include "base/reasons.h"
#include "rules/age_grade.h"
#include "rules/calendar.h"

namespace tadaima::api {
namespace {

constexpr const char* kIcsType = "text/calendar; charset=utf-8";

// {min?, max?} under `prefix` ("age_months.").
std::pair<std::optional<int>, std::optional<int>> DecodeAges(const nlohmann::json& j, const std::string& prefix,
                                                             FieldErrors& errs) {
  JsonObject range(j, prefix, errs, {"min", "max"});
  auto clamp = [](std::optional<int64_t> v) -> std::optional<int> {
    if (!v) return std::nullopt;
    return static_cast<int>(std::clamp<int64_t>(*v, -1, 100'000));
  };
  return {clamp(range.Integer("min")), clamp(range.Integer("max"))};
}

std::optional<int> Capacity(std::optional<int64_t> v) {
  if (!v) return std::nullopt;
  return static_cast<int>(std::clamp<int64_t>(*v, -1, 1'000'000));
}

Result<service::EventInput> DecodeEvent(const std::string& text) {
  auto body = TRY(ParseObject(text));
  FieldErrors errs;
  JsonObject in(body, "", errs,
                {"facility_id", "kind", "title", "description", "starts_at", "ends_at", "capacity", "age_months",
                 "apply_until", "announce", "client_id"});
  service::EventInput out;
  CalendarEvent& e = out.event;
  e.facility_id = in.String("facility_id");
  const std::string kind = in.RequiredString("kind");
  if (auto k = ParseEventKind(kind)) e.kind = *k;
  else if (!kind.empty()) errs.Add("kind", reason::NotAChoice({"closure", "event", "course"}));
  e.title = in.RequiredString("title");
  e.description = in.String("description").value_or("");
  const auto starts = in.Instant("starts_at"), ends = in.Instant("ends_at");
  if (!starts && !errs.Has("starts_at")) errs.Add("starts_at", reason::kRequired);
  if (!ends && !errs.Has("ends_at")) errs.Add("ends_at", reason::kRequired);
  e.starts_at = starts.value_or(0);
  e.ends_at = ends.value_or(0);
  e.capacity = Capacity(in.Integer("capacity"));
  if (auto a = in.Object("age_months")) std::tie(e.age_min_months, e.age_max_months) = DecodeAges(*a->first, a->second, errs);
  e.apply_until = in.Instant("apply_until");
  if (auto a = in.Object("announce")) {
    JsonObject announce(*a->first, a->second, errs, {"channels"});
    out.announce = announce.StringList("channels").value_or(std::vector<std::string>{});
  }
  e.client_id = in.String("client_id");
  TRY_STATUS(errs.ToStatus());
  return out;
}

Result<service::EventPatchInput> DecodeEventPatch(const std::string& text) {
  auto body = TRY(ParseObject(text));
  FieldErrors errs;
  JsonObject in(body, "", errs,
                {"title", "description", "starts_at", "ends_at", "capacity", "age_months", "apply_until"});
  service::EventPatchInput out;
  out.title = in.PatchString("title");
  out.description = in.PatchString("description");
  out.starts_at = in.Instant("starts_at");
  out.ends_at = in.Instant("ends_at");
  if (in.IsNull("capacity")) out.capacity = std::optional<int>();
  else if (in.Has("capacity")) out.capacity = Capacity(in.Integer("capacity"));
  if (in.IsNull("age_months")) out.age_months = std::optional<std::pair<std::optional<int>, std::optional<int>>>();
  else if (auto a = in.Object("age_months")) out.age_months = DecodeAges(*a->first, a->second, errs);
  if (in.IsNull("apply_until")) out.apply_until = std::optional<int64_t>();
  else if (in.Has("apply_until")) out.apply_until = in.Instant("apply_until");
  TRY_STATUS(errs.ToStatus());
  return out;
}

nlohmann::json AgesJson(const CalendarEvent& e) {
  if (!e.age_min_months && !e.age_max_months) return nullptr;
  nlohmann::json j = nlohmann::json::object();
  if (e.age_min_months) j["min"] = *e.age_min_months;
  if (e.age_max_months) j["max"] = *e.age_max_months;
  return j;
}

nlohmann::json EventJson(const Actor& actor, const service::EventView& v) {
  const CalendarEvent& e = v.event;
  const std::string& tz = actor.time_zone;
  nlohmann::json j{{"id", e.id},
                   {"facility_id", OrNull(e.facility_id)},
                   {"facility_name", OrNull(e.facility_name)},
                   {"kind", EventKindName(e.kind)},
                   {"title", e.title},
                   {"description", e.description},
                   {"starts_at", FormatInstant(e.starts_at, tz)},
                   {"ends_at", FormatInstant(e.ends_at, tz)},
                   {"all_day", IsAllDay(e, tz)},
                   {"capacity", e.capacity ? nlohmann::json(*e.capacity) : nlohmann::json(nullptr)},
                   {"age_months", AgesJson(e)},
                   {"apply_until", e.kind == EventKind::kCourse ? nlohmann::json(FormatInstant(e.ApplyUntil(), tz))
                                                                : nlohmann::json(nullptr)},
                   {"status", e.status},
                   {"seats_taken", e.seats_taken},
                   {"waitlisted", e.waitlisted},
                   {"created_at", FormatInstant(e.created_at, tz)}};
  if (actor.role == Role::kGuardian) {
    nlohmann::json app = nullptr;
    if (v.application) {
      std::vector<std::string> ids;
      for (const auto& c : v.application->children) ids.push_back(c.id);
      app = {{"id", v.application->id},
             {"status", v.application->status},
             {"position", v.position ? nlohmann::json(*v.position) : nlohmann::json(nullptr)},
             {"child_ids", ids}};
    }
    j["application"] = app;
  }
  return j;
}

nlohmann::json ApplicationJson(const service::ApplicationView& v, const CalendarEvent& course, const std::string& tz) {
  const CourseApplication& a = v.application;
  const CivilDate first_day = DateAt(course.starts_at, tz);
  nlohmann::json children = nlohmann::json::array();
  for (const auto& c : a.children) {
    const Age age = first_day < c.birth_date ? Age{} : AgeOn(c.birth_date, first_day);
    children.push_back({{"id", c.id},
                        {"name", c.name},
                        {"name_kana", OrNull(c.name_kana)},
                        {"age", {{"years", age.years}, {"months", age.months}}}});
  }
  return {{"id", a.id},
          {"event_id", a.event_id},
          {"status", a.status},
          {"position", v.position ? nlohmann::json(*v.position) : nlohmann::json(nullptr)},
          {"waiting_for_seats", v.waiting_for_seats ? nlohmann::json(*v.waiting_for_seats) : nlohmann::json(nullptr)},
          {"family", {{"id", a.family_id}, {"name", a.family_name}}},
          {"children", children},
          {"seats", a.seats},
          {"created_at", FormatInstant(a.created_at, tz)}};
}

std::string FeedUrl(const ApiContext& ctx, const http::Request& req, const std::string& token) {
  const std::string origin = ctx.public_origin.empty() ? "http://" + req.Header("host") : ctx.public_origin;
  return origin + "/api/v1/calendar/" + token + ".ics";
}

}  // namespace

Result<http::Response> CreateEvent(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto in = TRY(DecodeEvent(req.body));
  auto created = TRY(ctx.services->calendar.Create(actor, in));
  return http::Response::Json(created.replayed ? 200 : 201, {{"event", EventJson(actor, {created.event, {}, {}})}});
}

Result<http::Response> ListEvents(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto events = TRY(ctx.services->calendar.List(actor, req.Query("from"), req.Query("to"), req.Query("facility_id"),
                                                req.Query("kind")));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : events) items.push_back(EventJson(actor, v));
  return http::Response::Json(200, {{"items", items}});
}

Result<http::Response> GetEvent(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto v = TRY(ctx.services->calendar.Get(actor, req.path_params["id"]));
  return http::Response::Json(200, {{"event", EventJson(actor, v)}});
}

Result<http::Response> UpdateEvent(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto in = TRY(DecodeEventPatch(req.body));
  auto v = TRY(ctx.services->calendar.Update(actor, req.path_params["id"], in));
  return http::Response::Json(200, {{"event", EventJson(actor, v)}});
}

Result<http::Response> CancelEvent(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  TRY_STATUS(ctx.services->calendar.Cancel(actor, req.path_params["id"]));
  return http::Response::NoContent();
}

Result<http::Response> EventIcs(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto ics = TRY(ctx.services->calendar.EventFile(actor, req.path_params["id"]));
  return FileResponse(std::move(ics), kIcsType, "attachment; filename=\"event.ics\"");
}

Result<http::Response> ApplyForCourse(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"child_ids", "client_id"});
  service::ApplyInput input;
  if (auto ids = in.StringList("child_ids")) input.child_ids = *ids;
  else if (!errs.Has("child_ids")) errs.Add("child_ids", reason::kRequired);
  input.client_id = in.String("client_id");
  TRY_STATUS(errs.ToStatus());
  const std::string& id = req.path_params["id"];
  auto applied = TRY(ctx.services->courses.Apply(actor, id, input));
  auto course = TRY(ctx.services->calendar.Get(actor, id));
  return http::Response::Json(applied.replayed ? 200 : 201,
                              {{"application", ApplicationJson(applied.view, course.event, actor.time_zone)}});
}

Result<http::Response> ListApplications(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto list = TRY(ctx.services->courses.Applicants(actor, req.path_params["id"]));
  nlohmann::json confirmed = nlohmann::json::array(), waitlisted = nlohmann::json::array();
  for (const auto& v : list.confirmed) confirmed.push_back(ApplicationJson(v, list.course, actor.time_zone));
  for (const auto& v : list.waitlisted) waitlisted.push_back(ApplicationJson(v, list.course, actor.time_zone));
  return http::Response::Json(200, {{"confirmed", confirmed},
                                    {"waitlisted", waitlisted},
                                    {"seats_taken", list.course.seats_taken},
                                    {"capacity", list.course.capacity ? nlohmann::json(*list.course.capacity)
                                                                      : nlohmann::json(nullptr)}});
}

Result<http::Response> AttendancePdf(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto pdf = TRY(ctx.services->courses.AttendancePdf(actor, req.path_params["id"]));
  return FileResponse(std::move(pdf), "application/pdf", "inline; filename=\"attendance.pdf\"");
}

Result<http::Response> CancelApplication(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  TRY_STATUS(ctx.services->courses.Withdraw(actor, req.path_params["id"]));
  return http::Response::NoContent();
}

Result<http::Response> MyCalendarFeed(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto token = TRY(ctx.services->calendar.FeedToken(actor, req.method == "POST"));
  return http::Response::Json(200, {{"url", FeedUrl(ctx, req, token)}});
}

Result<http::Response> CalendarFeed(ApiContext& ctx, http::Request& req) {
  const std::string& file = req.path_params["file"];
  if (!file.ends_with(".ics")) return Fail(Error::NotFound("no such calendar"));
  auto ics = TRY(ctx.services->calendar.Feed(file.substr(0, file.size() - 4)));
  auto res = FileResponse(std::move(ics), kIcsType);
  res.headers.emplace_back("Cache-Control", "private, max-age=900");
  return res;
}

}  // namespace tadaima::api
