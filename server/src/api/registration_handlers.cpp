// Pre-registration (public), its review, the window letters, and a family's rooms.
#include "api/api.h"
#include "api/dto.h"
#include "api/json_input.h"
#include "base/reasons.h"
#include "report/invitation_pdf.h"
#include "store/registration_store.h"

namespace tadaima::api {
namespace {

nlohmann::json RegistrationJson(const service::ReviewedRegistration& item, const std::string& time_zone) {
  const Registration& r = item.registration;
  nlohmann::json guardians = nlohmann::json::array(), children = nlohmann::json::array(),
                 duplicates = nlohmann::json::array();
  for (const auto& g : r.guardians)
    guardians.push_back({{"name", g.name}, {"name_kana", OrNull(g.name_kana)}, {"relation", OrNull(g.relation)},
                         {"email", OrNull(g.email)}, {"phone", OrNull(g.phone)}});
  for (const auto& c : r.children)
    children.push_back({{"name", c.name}, {"name_kana", OrNull(c.name_kana)}, {"birth_date", c.birth_date.ToString()}});
  for (const auto& d : item.duplicates)
    duplicates.push_back({{"family_id", OrNull(d.family_id)}, {"registration_id", OrNull(d.registration_id)},
                          {"family_name", d.family_name}, {"why", d.why}});
  return {{"id", r.id},
          {"status", store::RegistrationStatusName(r.status)},
          {"family_name", r.family_name},
          {"address", OrNull(r.address)},
          {"phone", r.phone},
          {"email", OrNull(r.email)},
          {"guardians", guardians},
          {"children", children},
          {"created_at", FormatInstant(r.created_at, time_zone)},
          {"decided_at", InstantOrNull(r.decided_at, time_zone)},
          {"decided_by_name", OrNull(r.decided_by_name)},
          {"reject_reason", OrNull(r.reject_reason)},
          {"family_id", OrNull(r.family_id)},
          {"possible_duplicates", duplicates}};
}

// The letters as a PDF; the app's address is where families reach this server.
Result<http::Response> LettersPdf(ApiContext& ctx, const http::Request& req, const Actor& actor,
                                  const std::vector<std::string>& family_ids) {
  auto letters = TRY(ctx.services->registrations.Letters(actor, family_ids));
  auto org = TRY(ctx.services->auth.GetOrganization(actor));
  const CivilDate today = ctx.services->context.Today(actor);
  report::LetterSheet sheet;
  sheet.organization_name = org.name;
  sheet.app_url = (ctx.public_origin.empty() ? "http://" + req.Header("host") : ctx.public_origin) + "/app/";
  sheet.issued_on = std::to_string(today.year) + "年" + std::to_string(today.month) + "月" + std::to_string(today.day) +
                    "日発行";
  for (const auto& l : letters) {
    report::Letter letter{l.family.name, {}};
    for (const auto& [guardian, password] : l.guardians)
      letter.guardians.push_back({guardian.name, guardian.login, password});
    sheet.letters.push_back(std::move(letter));
  }
  auto pdf = TRY(report::InvitationPdf(sheet));
  return FileResponse(std::move(pdf), "application/pdf", "inline; filename=\"invitation.pdf\"");
}

}  // namespace

Result<http::Response> RegistrationForm(ApiContext& ctx, http::Request& req) {
  auto org = req.Query("organization_id");
  if (!org || org->empty()) return Fail(Error::InvalidField("organization_id", reason::kRequired));
  auto form = TRY(ctx.services->registrations.Form(*org));
  nlohmann::json rooms = nlohmann::json::array();
  for (const auto& f : form.rooms) rooms.push_back({{"id", f.id}, {"name", f.name}});
  return http::Response::Json(200, {{"organization", {{"id", form.organization.id}, {"name", form.organization.name}}},
                                    {"form_token", form.form_token},
                                    {"min_fill_seconds", service::Registrations::kMinFillSeconds},
                                    {"rooms", rooms}});
}

Result<http::Response> SubmitRegistration(ApiContext& ctx, http::Request& req) {
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs,
                {"organization_id", "form_token", "website", "family_name", "address", "phone", "email", "guardians",
                 "children", "consent"});
  service::RegistrationInput r;
  r.organization_id = in.RequiredString("organization_id");
  r.form_token = in.RequiredString("form_token");
  r.website = in.String("website");
  r.family_name = in.RequiredString("family_name");
  r.address = in.String("address");
  r.phone = in.String("phone");
  r.email = in.String("email");
  if (!in.Has("guardians")) errs.Add("guardians", reason::kRequired);
  if (!in.Has("children")) errs.Add("children", reason::kRequired);
  for (auto& [j, prefix] : in.Objects("guardians")) {
    JsonObject g(*j, prefix, errs, kGuardianKeys);
    r.guardians.push_back(DecodeGuardian(g));
  }
  for (auto& [j, prefix] : in.Objects("children")) {
    JsonObject c(*j, prefix, errs, kChildKeys);
    r.children.push_back(DecodeChild(c));
  }
  r.consent = in.Bool("consent").value_or(false);
  TRY_STATUS(errs.ToStatus());
  auto id = TRY(ctx.services->registrations.Submit(r, req.remote_ip));
  return http::Response::Json(201, {{"registration", {{"id", id}, {"status", "pending"}}}});
}

Result<http::Response> ListRegistrations(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  int limit = TRY(PageLimit(req));
  std::string cursor = TRY(IdCursor(req));
  auto page = TRY(ctx.services->registrations.List(actor, req.Query("status"), cursor, limit));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : page.items) items.push_back(RegistrationJson(r, actor.time_zone));
  return http::Response::Json(200, ListJson(items, page.next_cursor));
}

Result<http::Response> GetRegistration(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto r = TRY(ctx.services->registrations.Get(actor, req.path_params["id"]));
  return http::Response::Json(200, {{"registration", RegistrationJson(r, actor.time_zone)}});
}

Result<http::Response> ApproveRegistration(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"merge_into_family_id"});
  auto merge_into = in.String("merge_into_family_id");
  TRY_STATUS(errs.ToStatus());
  auto created = TRY(ctx.services->registrations.Approve(actor, req.path_params["id"], merge_into));
  nlohmann::json logins = nlohmann::json::array();
  for (const auto& l : created.logins)
    logins.push_back({{"guardian_id", l.guardian.id}, {"login", l.guardian.login},
                      {"initial_password", l.initial_password}});
  return http::Response::Json(
      201, {{"family", FamilyJson(created.family, ctx.services->context.Today(actor))}, {"logins", logins}});
}

Result<http::Response> RejectRegistration(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"reason"});
  std::string why = in.RequiredString("reason");
  TRY_STATUS(errs.ToStatus());
  auto r = TRY(ctx.services->registrations.Reject(actor, req.path_params["id"], why));
  return http::Response::Json(200, {{"registration", RegistrationJson({r, {}}, actor.time_zone)}});
}

Result<http::Response> FamilyInvitationPdf(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  return LettersPdf(ctx, req, actor, {req.path_params["id"]});
}

Result<http::Response> InvitationsPdf(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"family_ids"});
  auto ids = in.StringList("family_ids");
  if (!ids && !in.Has("family_ids")) errs.Add("family_ids", reason::kRequired);
  TRY_STATUS(errs.ToStatus());
  return LettersPdf(ctx, req, actor, *ids);
}

Result<http::Response> MyRooms(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto rooms = TRY(ctx.services->enrollments.MyRooms(actor));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : rooms)
    items.push_back({{"facility", FamilyFacilityJson(r.facility)},
                     {"enrollment", r.enrollment ? EnrollmentJson(*r.enrollment) : nlohmann::json(nullptr)}});
  return http::Response::Json(200, {{"items", items}});
}

Result<http::Response> EnrollInRoom(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto body = TRY(ParseObject(req.body));
  FieldErrors errs;
  JsonObject in(body, "", errs, {"facility_id"});
  std::string facility_id = in.RequiredString("facility_id");
  TRY_STATUS(errs.ToStatus());
  auto e = TRY(ctx.services->enrollments.EnrollInRoom(actor, facility_id));
  return http::Response::Json(201, {{"enrollment", EnrollmentJson(e)}});
}

}  // namespace tadaima::api
