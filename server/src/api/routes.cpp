// The route table: one line per route.
#include "api/api.h"

namespace tadaima::api {

void RegisterRoutes(http::Router& r, ApiContext& c) {
  // Writes take a JSON object unless they say otherwise.
  constexpr BodyKind kNone = BodyKind::kNone;
  r.Add("GET", "/healthz", [](http::Request&) { return http::Response::Json(200, {{"status", "ok"}}); });
  r.Add("GET", "/metrics", [&c](http::Request&) {
    http::Response res;
    res.content_type = "text/plain; version=0.0.4; charset=utf-8";
    res.body = c.metrics->Render();
    return res;
  });

  r.Add("POST", "/api/v1/auth/login", Wrap(c, Login));
  r.Add("POST", "/api/v1/auth/logout", Wrap(c, Logout, kNone));
  r.Add("POST", "/api/v1/auth/password", Wrap(c, ChangePassword));
  r.Add("GET", "/api/v1/me", Wrap(c, Me));
  r.Add("GET", "/api/v1/organization", Wrap(c, GetOrganization));

  r.Add("POST", "/api/v1/facilities", Wrap(c, CreateFacility));
  r.Add("GET", "/api/v1/facilities", Wrap(c, ListFacilities));
  r.Add("GET", "/api/v1/facilities/{id}", Wrap(c, GetFacility));
  r.Add("PATCH", "/api/v1/facilities/{id}", Wrap(c, UpdateFacility));

  r.Add("POST", "/api/v1/staff", Wrap(c, CreateStaff));
  r.Add("GET", "/api/v1/staff", Wrap(c, ListStaff));
  r.Add("PATCH", "/api/v1/staff/{id}", Wrap(c, UpdateStaff));

  r.Add("POST", "/api/v1/families", Wrap(c, CreateFamily));
  r.Add("GET", "/api/v1/families", Wrap(c, ListFamilies));
  r.Add("GET", "/api/v1/families/{id}", Wrap(c, GetFamily));
  r.Add("PATCH", "/api/v1/families/{id}", Wrap(c, UpdateFamily));
  r.Add("POST", "/api/v1/families/{id}/children", Wrap(c, AddChild));
  r.Add("POST", "/api/v1/families/{id}/guardians", Wrap(c, InviteGuardian));
  r.Add("GET", "/api/v1/children/{id}", Wrap(c, GetChild));
  r.Add("PATCH", "/api/v1/children/{id}", Wrap(c, UpdateChild));
  r.Add("GET", "/api/v1/children/{id}/care", Wrap(c, GetChildCare));
  r.Add("PUT", "/api/v1/children/{id}/care", Wrap(c, PutChildCare));
  r.Add("GET", "/api/v1/children/{id}/audit", Wrap(c, ChildAudit));
  r.Add("PATCH", "/api/v1/guardians/{id}", Wrap(c, UpdateGuardian));
  r.Add("POST", "/api/v1/guardians/{id}/password-reset", Wrap(c, ResetGuardianPassword, kNone));

  r.Add("POST", "/api/v1/enrollments", Wrap(c, CreateEnrollment));
  r.Add("GET", "/api/v1/enrollments", Wrap(c, ListEnrollments));
  r.Add("POST", "/api/v1/enrollments/{id}/approve", Wrap(c, ApproveEnrollment, kNone));
  r.Add("DELETE", "/api/v1/enrollments/{id}", Wrap(c, DeleteEnrollment, kNone));

  r.Add("GET", "/api/v1/registrations/form", Wrap(c, RegistrationForm));
  r.Add("POST", "/api/v1/registrations", Wrap(c, SubmitRegistration));
  r.Add("GET", "/api/v1/registrations", Wrap(c, ListRegistrations));
  r.Add("GET", "/api/v1/registrations/{id}", Wrap(c, GetRegistration));
  r.Add("POST", "/api/v1/registrations/{id}/approve", Wrap(c, ApproveRegistration));
  r.Add("POST", "/api/v1/registrations/{id}/reject", Wrap(c, RejectRegistration));
  r.Add("GET", "/api/v1/families/{id}/invitation.pdf", Wrap(c, FamilyInvitationPdf));
  r.Add("POST", "/api/v1/invitations.pdf", Wrap(c, InvitationsPdf));
  r.Add("GET", "/api/v1/me/rooms", Wrap(c, MyRooms));
  r.Add("POST", "/api/v1/facilities/{id}/walk-ins", Wrap(c, CreateWalkIn));
  r.Add("GET", "/api/v1/facilities/{id}/walk-ins", Wrap(c, ListWalkIns));
  r.Add("PATCH", "/api/v1/walk-ins/{id}", Wrap(c, UpdateWalkIn));
  r.Add("DELETE", "/api/v1/walk-ins/{id}", Wrap(c, DeleteWalkIn, kNone));
  r.Add("POST", "/api/v1/families/{id}/consultations", Wrap(c, CreateConsultation));
  r.Add("GET", "/api/v1/families/{id}/consultations", Wrap(c, ListConsultations));
  r.Add("GET", "/api/v1/families/{id}/consultations.csv", Wrap(c, ExportConsultations));
  r.Add("PATCH", "/api/v1/consultations/{id}", Wrap(c, UpdateConsultation));
  r.Add("GET", "/api/v1/audit", Wrap(c, ListAudit));
  r.Add("POST", "/api/v1/imports/families", Wrap(c, ImportFamilies, BodyKind::kFile));
  r.Add("GET", "/api/v1/imports/{id}", Wrap(c, GetImport));
  r.Add("POST", "/api/v1/me/enrollments", Wrap(c, EnrollInRoom));

  r.Add("POST", "/api/v1/facilities/{id}/kiosks", Wrap(c, CreateKiosk));
  r.Add("GET", "/api/v1/facilities/{id}/kiosks", Wrap(c, ListKiosks));
  r.Add("DELETE", "/api/v1/kiosks/{id}", Wrap(c, RevokeKiosk, kNone));
  r.Add("GET", "/api/v1/kiosk/me", Wrap(c, KioskMe));
  r.Add("POST", "/api/v1/kiosk/unlock", Wrap(c, UnlockKiosk));
  r.Add("POST", "/api/v1/kiosk/lock", Wrap(c, LockKiosk, kNone));
  r.Add("GET", "/api/v1/kiosk/children", Wrap(c, KioskChildren));

  r.Add("GET", "/api/v1/children/{id}/credential", Wrap(c, GetCredential));
  r.Add("POST", "/api/v1/children/{id}/credential", Wrap(c, ReissueCredential, kNone));
  r.Add("GET", "/api/v1/families/{id}/credential", Wrap(c, GetCredential));
  r.Add("POST", "/api/v1/families/{id}/credential", Wrap(c, ReissueCredential, kNone));
  r.Add("GET", "/api/v1/children/{id}/qr.svg", Wrap(c, QrImage));
  r.Add("GET", "/api/v1/children/{id}/qr.png", Wrap(c, QrImage));
  r.Add("GET", "/api/v1/families/{id}/qr.svg", Wrap(c, QrImage));
  r.Add("GET", "/api/v1/families/{id}/qr.png", Wrap(c, QrImage));
  r.Add("GET", "/api/v1/children/{id}/card.pdf", Wrap(c, ChildCardPdf));
  r.Add("GET", "/api/v1/facilities/{id}/cards.pdf", Wrap(c, FacilityCardsPdf));

  r.Add("POST", "/api/v1/stamps/preview", Wrap(c, PreviewStamp));
  r.AddAsync("POST", "/api/v1/stamps", WrapAsync(c, CreateStamp));
  r.Add("POST", "/api/v1/visits/{id}/pickup", Wrap(c, SetPickup));
  r.Add("GET", "/api/v1/facilities/{id}/roster", Wrap(c, GetRoster));
  r.Add("GET", "/api/v1/facilities/{id}/on-site", Wrap(c, OnSite));
  r.Add("GET", "/api/v1/visits", Wrap(c, ListVisits));
  r.Add("PATCH", "/api/v1/visits/{id}", Wrap(c, CorrectVisit));
  r.Add("GET", "/api/v1/stats/visits", Wrap(c, VisitStats));
  r.Add("GET", "/api/v1/stats/plans", Wrap(c, PlanStats));
  r.Add("GET", "/api/v1/reports/monthly", Wrap(c, MonthlyReport));
  r.Add("GET", "/api/v1/reports/columns", Wrap(c, GetReportColumns));
  r.Add("PUT", "/api/v1/reports/columns", Wrap(c, PutReportColumns));

  r.Add("PUT", "/api/v1/children/{id}/plans", Wrap(c, PutPlans));
  r.Add("GET", "/api/v1/children/{id}/plans", Wrap(c, ListPlans));
  r.Add("GET", "/api/v1/plans", Wrap(c, ListPendingPlans));
  r.Add("POST", "/api/v1/plans/{id}/acknowledge", Wrap(c, AcknowledgePlan, kNone));
  r.Add("GET", "/api/v1/me/children", Wrap(c, MyChildren));
  r.Add("POST", "/api/v1/audiences/preview", Wrap(c, PreviewAudience));

  r.Add("POST", "/api/v1/messages", Wrap(c, SendMessage));
  r.Add("GET", "/api/v1/messages", Wrap(c, ListMessages));
  r.Add("GET", "/api/v1/messages/{id}", Wrap(c, GetMessage));
  r.Add("DELETE", "/api/v1/messages/{id}", Wrap(c, CancelMessage, kNone));
  r.Add("POST", "/api/v1/messages/{id}/end", Wrap(c, EndMessage, kNone));
  r.Add("GET", "/api/v1/messages/{id}/receipts", Wrap(c, MessageReceipts));
  r.Add("POST", "/api/v1/messages/{id}/remind", Wrap(c, RemindMessage, kNone));
  r.Add("GET", "/api/v1/me/messages", Wrap(c, MyMessages));
  r.Add("POST", "/api/v1/me/messages/{id}/read", Wrap(c, ReadMessage, kNone));
  r.Add("GET", "/api/v1/emergencies", Wrap(c, ListEmergencies));
  r.Add("POST", "/api/v1/attachments", Wrap(c, UploadAttachment, BodyKind::kFile));
  r.Add("GET", "/api/v1/attachments/{id}", Wrap(c, DownloadAttachment));
  r.Add("POST", "/api/v1/threads", Wrap(c, CreateThread));
  r.Add("GET", "/api/v1/threads", Wrap(c, ListThreads));
  r.Add("GET", "/api/v1/threads/{id}", Wrap(c, GetThread));
  r.Add("POST", "/api/v1/threads/{id}/messages", Wrap(c, PostToThread));

  r.Add("POST", "/api/v1/surveys", Wrap(c, CreateSurvey));
  r.Add("GET", "/api/v1/surveys", Wrap(c, ListSurveys));
  r.Add("GET", "/api/v1/surveys/{id}", Wrap(c, GetSurvey));
  r.Add("POST", "/api/v1/surveys/{id}/close", Wrap(c, CloseSurvey, kNone));
  r.Add("PUT", "/api/v1/surveys/{id}/response", Wrap(c, AnswerSurvey));
  r.Add("GET", "/api/v1/surveys/{id}/results", Wrap(c, SurveyResults));
  r.Add("POST", "/api/v1/surveys/{id}/remind", Wrap(c, RemindSurvey, kNone));

  r.Add("POST", "/api/v1/events", Wrap(c, CreateEvent));
  r.Add("GET", "/api/v1/events", Wrap(c, ListEvents));
  r.Add("GET", "/api/v1/events/{id}", Wrap(c, GetEvent));
  r.Add("PATCH", "/api/v1/events/{id}", Wrap(c, UpdateEvent));
  r.Add("DELETE", "/api/v1/events/{id}", Wrap(c, CancelEvent, kNone));
  r.Add("GET", "/api/v1/events/{id}/event.ics", Wrap(c, EventIcs));
  r.Add("POST", "/api/v1/events/{id}/applications", Wrap(c, ApplyForCourse));
  r.Add("GET", "/api/v1/events/{id}/applications", Wrap(c, ListApplications));
  r.Add("GET", "/api/v1/events/{id}/attendance.pdf", Wrap(c, AttendancePdf));
  r.Add("DELETE", "/api/v1/applications/{id}", Wrap(c, CancelApplication, kNone));
  r.Add("GET", "/api/v1/me/calendar", Wrap(c, MyCalendarFeed));
  r.Add("POST", "/api/v1/me/calendar", Wrap(c, MyCalendarFeed, kNone));
  r.Add("GET", "/api/v1/calendar/{file}", Wrap(c, CalendarFeed));

  r.Add("GET", "/api/v1/push/public-key", Wrap(c, PushPublicKey));
  r.Add("GET", "/api/v1/me/notifications", Wrap(c, ListInbox));
  r.Add("POST", "/api/v1/me/notifications/read-all", Wrap(c, ReadAllNotifications, kNone));
  r.Add("POST", "/api/v1/me/notifications/{id}/read", Wrap(c, ReadNotification, kNone));
  r.Add("GET", "/api/v1/me/notification-preferences", Wrap(c, GetPreferences));
  r.Add("PUT", "/api/v1/me/notification-preferences", Wrap(c, PutPreferences));
  r.Add("POST", "/api/v1/me/push-subscriptions", Wrap(c, CreatePushSubscription));
  r.Add("GET", "/api/v1/me/push-subscriptions", Wrap(c, ListPushSubscriptions));
  r.Add("DELETE", "/api/v1/me/push-subscriptions/{id}", Wrap(c, DeletePushSubscription, kNone));
  r.Add("GET", "/api/v1/me/events", Wrap(c, LiveEvents));
  r.Add("GET", "/api/v1/notifications", Wrap(c, ListNotifications));
  r.Add("GET", "/api/v1/notifications/{id}", Wrap(c, GetNotification));
  r.Add("POST", "/api/v1/notifications/{id}/retry", Wrap(c, RetryNotification, kNone));

  if (c.test_clock) r.Add("POST", "/api/v1/test/clock", Wrap(c, MoveTestClock));
}

}  // namespace tadaima::api
