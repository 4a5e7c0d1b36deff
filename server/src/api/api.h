// The HTTP API: the route table (routes.cpp) and what every handler shares —
// who is asking (session cookie with CSRF check), list paging, and turning a
// Result into a response. Handlers decode, validate shapes, make one service
// call, and respond; rules and authorization live in the services.
#pragma once

#include <functional>

#include "http/metrics.h"
#include "http/router.h"
#include "service/services.h"

namespace tadaima::api {

// The server's test mode (TADAIMA_TEST_CLOCK): the clock the tests move, and
// what must happen after each move (the jobs that depend on the time run, the
// notification workers look for rows that became due).
struct TestClockControl {
  Clock clock;                  // a test clock (Clock::frozen)
  std::function<void()> moved;  // returns once the jobs ran at the new time
};

struct ApiContext {
  service::Services* services;  // null only when listing routes
  http::Metrics* metrics;
  bool secure_cookies = false;  // Secure on cookies (behind TLS)
  // Set in test mode only: then (and when listing routes) the test-only
  // routes exist; otherwise they answer 404 like any unknown path.
  TestClockControl* test_clock = nullptr;
  // The origin families and staff reach us at ("https://tadaima.example.jp",
  // from public_url); empty: the request's own Host. Cookie writes and sign-in
  // from any other origin are refused.
  std::string public_origin;
};

// Adds every API route to `router` (the test-only ones when ctx.test_clock is set).
void RegisterRoutes(http::Router& router, ApiContext& ctx);

struct AuthOptions {
  bool allow_pending_password = false;  // an account that must change its password may call this
  bool allow_kiosk = false;             // a kiosk's bearer token may call this
  bool kiosk_cached = false;            // the handler's service re-checks revocation in its transaction
};
// The signed-in actor (session cookie) or kiosk (Authorization: Bearer).
// Cookie sessions must send X-CSRF-Token on writes.
Result<Actor> Authenticate(ApiContext& ctx, const http::Request& req, AuthOptions options = {});
// The session token of the request's cookie ("" when none).
std::string SessionToken(const http::Request& req);

// ?limit= within 1..200 (default 50).
Result<int> PageLimit(const http::Request& req);
// {"items": [...], "next_cursor": ...}
nlohmann::json ListJson(nlohmann::json items, const std::optional<std::string>& next_cursor);
// One page of a whole list held in memory (facilities, staff, enrollments):
// ?cursor= is the id of the previous page's last item; ?limit= as PageLimit.
Result<http::Response> PagedList(const http::Request& req, const nlohmann::json& items);
// ?cursor= of a list ordered by id: empty or an id.
Result<std::string> IdCursor(const http::Request& req);

// A file (CSV, PDF, image) with the children's data in it: never cached by
// shared caches. `disposition` ("attachment; filename=…") may be empty.
http::Response FileResponse(std::string body, const char* content_type, const std::string& disposition = "");

// What a route's writes carry. kJson: a body sent as application/json
// (charset utf-8 or none), else 415 not_json_body. kNone: no body at all,
// else 400 body_not_allowed. kFile: the handler reads the bytes (uploads).
enum class BodyKind { kJson, kNone, kFile };

using ApiHandler = std::function<Result<http::Response>(ApiContext&, http::Request&)>;
// Adapts an ApiHandler: checks a write's origin (no cross-site write with a
// cookie or to sign in) and body kind before the handler runs; errors become
// the API's error response.
http::Handler Wrap(ApiContext& ctx, ApiHandler handler, BodyKind body = BodyKind::kJson);
// The same for a handler that may answer later (an OK nullopt: it took `later`).
using AsyncApiHandler =
    std::function<Result<std::optional<http::Response>>(ApiContext&, http::Request&, const http::Later&)>;
http::AsyncHandler WrapAsync(ApiContext& ctx, AsyncApiHandler handler, BodyKind body = BodyKind::kJson);

// Handlers, one group per resource file.
Result<http::Response> Login(ApiContext&, http::Request&);
Result<http::Response> Logout(ApiContext&, http::Request&);
Result<http::Response> Me(ApiContext&, http::Request&);
Result<http::Response> ChangePassword(ApiContext&, http::Request&);
Result<http::Response> GetOrganization(ApiContext&, http::Request&);

Result<http::Response> CreateFacility(ApiContext&, http::Request&);
Result<http::Response> ListFacilities(ApiContext&, http::Request&);
Result<http::Response> GetFacility(ApiContext&, http::Request&);
Result<http::Response> UpdateFacility(ApiContext&, http::Request&);

Result<http::Response> CreateStaff(ApiContext&, http::Request&);
Result<http::Response> ListStaff(ApiContext&, http::Request&);
Result<http::Response> UpdateStaff(ApiContext&, http::Request&);

Result<http::Response> CreateFamily(ApiContext&, http::Request&);
Result<http::Response> ListFamilies(ApiContext&, http::Request&);
Result<http::Response> GetFamily(ApiContext&, http::Request&);
Result<http::Response> UpdateFamily(ApiContext&, http::Request&);
Result<http::Response> AddChild(ApiContext&, http::Request&);
Result<http::Response> GetChild(ApiContext&, http::Request&);
Result<http::Response> GetChildCare(ApiContext&, http::Request&);
Result<http::Response> PutChildCare(ApiContext&, http::Request&);
Result<http::Response> ChildAudit(ApiContext&, http::Request&);
Result<http::Response> UpdateChild(ApiContext&, http::Request&);
Result<http::Response> InviteGuardian(ApiContext&, http::Request&);
Result<http::Response> UpdateGuardian(ApiContext&, http::Request&);
Result<http::Response> ResetGuardianPassword(ApiContext&, http::Request&);

Result<http::Response> CreateEnrollment(ApiContext&, http::Request&);
Result<http::Response> ListEnrollments(ApiContext&, http::Request&);
Result<http::Response> ApproveEnrollment(ApiContext&, http::Request&);
Result<http::Response> DeleteEnrollment(ApiContext&, http::Request&);

Result<http::Response> CreateKiosk(ApiContext&, http::Request&);
Result<http::Response> ListKiosks(ApiContext&, http::Request&);
Result<http::Response> RevokeKiosk(ApiContext&, http::Request&);
Result<http::Response> KioskMe(ApiContext&, http::Request&);

Result<http::Response> GetCredential(ApiContext&, http::Request&);      // child or family, by route
Result<http::Response> ReissueCredential(ApiContext&, http::Request&);  // child or family, by route
Result<http::Response> QrImage(ApiContext&, http::Request&);            // .svg or .png, child or family
Result<http::Response> ChildCardPdf(ApiContext&, http::Request&);
Result<http::Response> FacilityCardsPdf(ApiContext&, http::Request&);

Result<http::Response> PreviewStamp(ApiContext&, http::Request&);
Result<std::optional<http::Response>> CreateStamp(ApiContext&, http::Request&, const http::Later&);
Result<http::Response> SetPickup(ApiContext&, http::Request&);
Result<http::Response> VisitStats(ApiContext&, http::Request&);
Result<http::Response> PlanStats(ApiContext&, http::Request&);
Result<http::Response> MonthlyReport(ApiContext&, http::Request&);
Result<http::Response> GetReportColumns(ApiContext&, http::Request&);
Result<http::Response> PutReportColumns(ApiContext&, http::Request&);
Result<http::Response> UnlockKiosk(ApiContext&, http::Request&);
Result<http::Response> LockKiosk(ApiContext&, http::Request&);
Result<http::Response> KioskChildren(ApiContext&, http::Request&);
Result<http::Response> PushPublicKey(ApiContext&, http::Request&);
Result<http::Response> ListInbox(ApiContext&, http::Request&);
Result<http::Response> ReadNotification(ApiContext&, http::Request&);
Result<http::Response> ReadAllNotifications(ApiContext&, http::Request&);
Result<http::Response> GetPreferences(ApiContext&, http::Request&);
Result<http::Response> PutPreferences(ApiContext&, http::Request&);
Result<http::Response> CreatePushSubscription(ApiContext&, http::Request&);
Result<http::Response> ListPushSubscriptions(ApiContext&, http::Request&);
Result<http::Response> DeletePushSubscription(ApiContext&, http::Request&);
Result<http::Response> ListNotifications(ApiContext&, http::Request&);
Result<http::Response> GetNotification(ApiContext&, http::Request&);
Result<http::Response> RetryNotification(ApiContext&, http::Request&);
Result<http::Response> LiveEvents(ApiContext&, http::Request&);
Result<http::Response> GetRoster(ApiContext&, http::Request&);
Result<http::Response> OnSite(ApiContext&, http::Request&);
Result<http::Response> ListVisits(ApiContext&, http::Request&);
Result<http::Response> CorrectVisit(ApiContext&, http::Request&);

Result<http::Response> PutPlans(ApiContext&, http::Request&);
Result<http::Response> ListPlans(ApiContext&, http::Request&);
Result<http::Response> AcknowledgePlan(ApiContext&, http::Request&);
Result<http::Response> ListPendingPlans(ApiContext&, http::Request&);
Result<http::Response> MyChildren(ApiContext&, http::Request&);

Result<http::Response> PreviewAudience(ApiContext&, http::Request&);

Result<http::Response> SendMessage(ApiContext&, http::Request&);
Result<http::Response> ListMessages(ApiContext&, http::Request&);
Result<http::Response> GetMessage(ApiContext&, http::Request&);
Result<http::Response> CancelMessage(ApiContext&, http::Request&);
Result<http::Response> EndMessage(ApiContext&, http::Request&);
Result<http::Response> MessageReceipts(ApiContext&, http::Request&);
Result<http::Response> RemindMessage(ApiContext&, http::Request&);
Result<http::Response> MyMessages(ApiContext&, http::Request&);
Result<http::Response> ReadMessage(ApiContext&, http::Request&);
Result<http::Response> ListEmergencies(ApiContext&, http::Request&);
Result<http::Response> UploadAttachment(ApiContext&, http::Request&);
Result<http::Response> DownloadAttachment(ApiContext&, http::Request&);

Result<http::Response> CreateThread(ApiContext&, http::Request&);
Result<http::Response> ListThreads(ApiContext&, http::Request&);
Result<http::Response> GetThread(ApiContext&, http::Request&);
Result<http::Response> PostToThread(ApiContext&, http::Request&);

Result<http::Response> CreateSurvey(ApiContext&, http::Request&);
Result<http::Response> ListSurveys(ApiContext&, http::Request&);
Result<http::Response> GetSurvey(ApiContext&, http::Request&);
Result<http::Response> CloseSurvey(ApiContext&, http::Request&);
Result<http::Response> AnswerSurvey(ApiContext&, http::Request&);
Result<http::Response> SurveyResults(ApiContext&, http::Request&);
Result<http::Response> RemindSurvey(ApiContext&, http::Request&);

Result<http::Response> CreateEvent(ApiContext&, http::Request&);
Result<http::Response> ListEvents(ApiContext&, http::Request&);
Result<http::Response> GetEvent(ApiContext&, http::Request&);
Result<http::Response> UpdateEvent(ApiContext&, http::Request&);
Result<http::Response> CancelEvent(ApiContext&, http::Request&);
Result<http::Response> EventIcs(ApiContext&, http::Request&);
Result<http::Response> ApplyForCourse(ApiContext&, http::Request&);
Result<http::Response> ListApplications(ApiContext&, http::Request&);
Result<http::Response> AttendancePdf(ApiContext&, http::Request&);
Result<http::Response> CancelApplication(ApiContext&, http::Request&);
Result<http::Response> MyCalendarFeed(ApiContext&, http::Request&);
// Anyone with the link: no sign-in.
Result<http::Response> CalendarFeed(ApiContext&, http::Request&);

// Anyone: the public pre-registration form.
Result<http::Response> RegistrationForm(ApiContext&, http::Request&);
Result<http::Response> SubmitRegistration(ApiContext&, http::Request&);
Result<http::Response> ListRegistrations(ApiContext&, http::Request&);
Result<http::Response> GetRegistration(ApiContext&, http::Request&);
Result<http::Response> ApproveRegistration(ApiContext&, http::Request&);
Result<http::Response> RejectRegistration(ApiContext&, http::Request&);
Result<http::Response> FamilyInvitationPdf(ApiContext&, http::Request&);
Result<http::Response> InvitationsPdf(ApiContext&, http::Request&);
Result<http::Response> MyRooms(ApiContext&, http::Request&);
Result<http::Response> EnrollInRoom(ApiContext&, http::Request&);
// Staff: paper visitor forms of drop-in rooms, consultation records, the audit of a family.
Result<http::Response> CreateWalkIn(ApiContext&, http::Request&);
Result<http::Response> ListWalkIns(ApiContext&, http::Request&);
Result<http::Response> UpdateWalkIn(ApiContext&, http::Request&);
Result<http::Response> DeleteWalkIn(ApiContext&, http::Request&);
Result<http::Response> CreateConsultation(ApiContext&, http::Request&);
Result<http::Response> ListConsultations(ApiContext&, http::Request&);
Result<http::Response> UpdateConsultation(ApiContext&, http::Request&);
Result<http::Response> ExportConsultations(ApiContext&, http::Request&);
Result<http::Response> ListAudit(ApiContext&, http::Request&);
// Administrators: families from a CSV file.
Result<http::Response> ImportFamilies(ApiContext&, http::Request&);
Result<http::Response> GetImport(ApiContext&, http::Request&);

// Test mode only (test_handlers.cpp).
Result<http::Response> MoveTestClock(ApiContext&, http::Request&);

}  // namespace tadaima::api
