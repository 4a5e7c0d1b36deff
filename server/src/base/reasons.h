// The catalogue of reasons: every error and every field problem the server
// answers names one of these stable, machine-readable ids (snake_case) beside
// its English text. Clients decide and translate by the id, never by the text;
// docs/openapi.yaml lists every id (ErrorReason), and tests/api checks that the
// list there is this one (`tadaima reasons`). Ids are append-only: a renamed
// or removed id breaks the clients that know it.
//
// Each ErrorCode's name (error.h) is also a reason: the one an error carries
// when nothing more specific applies ("not_found", "internal").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace tadaima::reason {

// X(constant, id, English text) for reasons without parameters.
#define TADAIMA_REASONS(X)                                                                             \
  /* shapes of the request */                                                                         \
  X(kRequired, "required", "is required")                                                             \
  X(kRequiredOrNull, "required_or_null", "is required (null for none)")                               \
  X(kUnknownField, "unknown_field", "unknown field")                                                  \
  X(kNotNull, "not_null", "must not be null")                                                         \
  X(kNotString, "not_string", "must be a string")                                                     \
  X(kNotStringArray, "not_string_array", "must be an array of strings")                               \
  X(kNotObject, "not_object", "must be an object")                                                    \
  X(kNotArray, "not_array", "must be an array")                                                       \
  X(kNotInteger, "not_integer", "must be a whole number")                                             \
  X(kNotIntegerOrNull, "not_integer_or_null", "must be a number or null")                             \
  X(kNotBoolean, "not_boolean", "must be true or false")                                              \
  X(kBadJson, "bad_json", "the body is not valid JSON")                                               \
  X(kBodyNotObject, "body_not_object", "the body must be a JSON object")                              \
  X(kNotJsonBody, "not_json_body", "send the body as Content-Type: application/json")                  \
  X(kBodyNotAllowed, "body_not_allowed", "this request takes no body")                                 \
  X(kDuplicateKey, "duplicate_key", "appears more than once")                                          \
  X(kBadCursor, "bad_cursor", "is not a cursor of this list")                                         \
  X(kNotUuid, "not_uuid", "must be a UUID")                                                           \
  X(kInvalidFields, "invalid_fields", "invalid fields")                                               \
  /* text people type */                                                                              \
  X(kEmpty, "empty", "must not be empty")                                                             \
  X(kInvalidUtf8, "invalid_utf8", "must be valid UTF-8")                                              \
  X(kMultiline, "multiline", "must be one line")                                                      \
  X(kControlCharacters, "control_characters", "must not contain control characters")                  \
  X(kNotKana, "not_kana", "must be written in kana")                                                  \
  X(kNotEmail, "not_email", "must be an e-mail address")                                              \
  X(kPhoneCharacters, "phone_characters", "must contain only digits, +, -, spaces and parentheses")   \
  X(kPhoneDigits, "phone_digits", "must contain digits")                                              \
  X(kLoginStart, "login_start", "must start with a letter or digit")                                  \
  X(kLoginCharacters, "login_characters", "may contain only a-z, 0-9, '.', '_' and '-'")              \
  X(kTaken, "taken", "is already taken")                                                              \
  X(kWrongPassword, "wrong_password", "is wrong")                                                     \
  X(kSamePassword, "same_password", "must differ from the current password")                          \
  /* times and dates */                                                                               \
  X(kNotTime, "not_time", "must be a time HH:MM")                                                     \
  X(kNotDate, "not_date", "must be a date YYYY-MM-DD")                                                \
  X(kNotRealDate, "not_real_date", "must be a real date YYYY-MM-DD")                                  \
  X(kNotInstant, "not_instant", "must be an RFC 3339 time")                                           \
  X(kNotTimeZone, "not_time_zone", "must be a time zone such as Asia/Tokyo")                          \
  X(kFutureDate, "future_date", "must not be in the future")                                          \
  X(kInstantRange, "instant_range", "must be a time from the year 2000 to 2999")                       \
  X(kBefore1900, "before_1900", "must be after 1900")                                                 \
  X(kPastDate, "past_date", "must not be before today")                                               \
  X(kBeyondAYear, "beyond_a_year", "must be within a year of today")                                  \
  X(kBeforeFrom, "before_from", "must not be before from")                                            \
  X(kNeedsFromAndTo, "needs_from_and_to", "needs both from and to")                                   \
  X(kAfterOpensAt, "not_after_opens_at", "must be after opens_at")                                    \
  X(kAfterArriveAt, "not_after_arrive_at", "must be after arrive_at")                                 \
  X(kAfterInAt, "not_after_in_at", "must be after in_at")                                             \
  X(kBeforeInAt, "before_in_at", "must not be before in_at")                                          \
  X(kSameAsFrom, "same_as_from", "must differ from quiet_hours.from")                                 \
  /* accounts and staff */                                                                            \
  X(kSignInRequired, "sign_in_required", "sign in first")                                             \
  X(kBadCredentials, "bad_credentials", "wrong login or password")                                    \
  X(kSessionEnded, "session_ended", "the session has ended; sign in again")                           \
  X(kTooManySignIns, "too_many_sign_ins", "too many failed sign-ins; try again in 15 minutes")        \
  X(kCrossOrigin, "cross_origin", "a write from another site is refused")                              \
  X(kCsrf, "csrf", "missing or wrong X-CSRF-Token header")                                            \
  X(kPasswordChangeRequired, "password_change_required", "change your initial password first")        \
  X(kStaffOnly, "staff_only", "staff only")                                                           \
  X(kOrgAdminOnly, "org_admin_only", "only an organization administrator may do this")                \
  X(kGuardiansOnly, "guardians_only", "guardians only")                                               \
  X(kGuardiansAndStaffOnly, "guardians_and_staff_only", "guardians and staff only")                   \
  X(kOwnDetailsOnly, "own_details_only", "a guardian may change only their own details")              \
  X(kStaffNeedsFacility, "staff_needs_facility", "facility_staff needs at least one facility")        \
  X(kNotYourFacility, "not_your_facility", "is not one of your facilities")                           \
  X(kRepeatedFacility, "repeated_facility", "must not repeat a facility")                             \
  X(kForeignFacility, "foreign_facility", "is not a facility of this organization")                   \
  X(kCannotChange, "cannot_change", "cannot be changed")                                              \
  X(kCannotChangeHere, "cannot_change_here", "cannot be changed here")                                \
  X(kOwnAdminRole, "own_admin_role", "you cannot remove your own administrator role")                 \
  X(kNoSuchFacility, "no_such_facility", "no such facility")                                          \
  X(kNoSuchChild, "no_such_child", "no such child")                                                   \
  X(kNoSuchFamily, "no_such_family", "no such family")                                                \
  /* families and enrollments */                                                                      \
  X(kGuardianRequired, "guardian_required", "at least one guardian is required")                      \
  X(kTooManyGuardians, "too_many_guardians", "at most 10 guardians")                              \
  X(kTooManyChildren, "too_many_children", "at most 20 children")                                 \
  X(kAlreadyEnrolled, "already_enrolled", "already enrolled at this facility")                        \
  X(kDropInEnrollsFamily, "drop_in_enrolls_family", "a drop-in room enrolls the family: give family_id") \
  X(kGuardianDropInOnly, "guardian_drop_in_only", "guardians may ask only to join a drop-in room")    \
  X(kNotEnrollableFacility, "not_enrollable_facility", "is not a facility you may enroll at")         \
  X(kNotEnrollableChild, "not_enrollable_child", "is not a child you may enroll")                     \
  X(kNotEnrollableFamily, "not_enrollable_family", "is not a family you may enroll")                  \
  X(kChildOrFamily, "child_or_family", "give either child_id or family_id")                           \
  X(kChooseFacility, "choose_facility", "choose the facility where the family is registered")         \
  X(kEnrollsChildren, "enrolls_children", "this facility enrolls children: give child_id")            \
  /* kiosks, cards and stamps */                                                                      \
  X(kKioskNotPaired, "kiosk_not_paired", "this kiosk is not paired (or was revoked)")                 \
  X(kKioskRevoked, "kiosk_revoked", "this kiosk was revoked")                                         \
  X(kKioskOnlyStamps, "kiosk_only_stamps", "a kiosk may only stamp")                                  \
  X(kKiosksOnly, "kiosks_only", "kiosks only")                                                        \
  X(kKioskOtherFacility, "kiosk_other_facility", "this kiosk belongs to another facility")            \
  X(kKioskNoLiveEvents, "kiosk_no_live_events", "kiosks have no live events")                         \
  X(kGuardiansCannotStamp, "guardians_cannot_stamp", "guardians cannot stamp")                        \
  X(kNotCode, "not_code", "is not a Tadaima code")                                                    \
  X(kCredentialReplaced, "credential_replaced", "has been replaced by a newer card")                  \
  X(kNotEnrolled, "not_enrolled", "is not enrolled at this facility")                                 \
  X(kNotEnrolledAnywhere, "not_enrolled_anywhere", "the child is not enrolled at any facility")       \
  X(kNotFamilyChild, "not_family_child", "is not a child of this family enrolled here")               \
  X(kFamilyCodeOnly, "family_code_only", "only with a family code")                                   \
  X(kCredentialOrChild, "credential_or_child", "give either credential or child_id")                  \
  X(kScanTooOld, "scan_too_old", "is older than this facility accepts queued scans")                  \
  X(kPickupTooLate, "pickup_too_late", "a kiosk may name the pick-up person only just after the departure") \
  X(kNothingToCorrect, "nothing_to_correct", "give in_at or out_at to correct")                       \
  X(kStampNotRecorded, "stamp_not_recorded", "could not record the stamp; try again")                 \
  X(kKioskStampsByCode, "kiosk_stamps_by_code", "a kiosk stamps by code")                             \
  X(kChooseChild, "choose_child", "choose at least one child")                                        \
  X(kAlreadyHere, "already_here", "is already here")                                                  \
  X(kBeforeLastStamp, "before_last_stamp", "is before the child's last stamp at this facility")        \
  X(kNotHere, "not_here", "is not here")                                                              \
  X(kNotLeftYet, "not_left_yet", "the child has not left yet")                                        \
  X(kRecordedMeanwhile, "recorded_meanwhile", "was recorded meanwhile")                               \
  /* plans */                                                                                         \
  X(kDuplicateDate, "duplicate_date", "appears twice")                                                \
  X(kDayCount, "day_count", "give 1 to 100 days")                                                     \
  X(kFacilityAmbiguous, "facility_ambiguous", "is required: the child is enrolled at several facilities") \
  X(kAttendOnly, "attend_only", "only with status attend")                                            \
  X(kNotWithNone, "not_with_none", "not with status none")                                            \
  X(kPendingOnly, "pending_only", "must be true: the list holds the plans that wait for staff")       \
  /* notifications */                                                                                 \
  X(kNotUrl, "not_url", "is not a URL")                                                               \
  X(kNotHttps, "not_https", "must be https")                                                          \
  X(kPushServiceNotAllowed, "push_service_not_allowed", "is not on this server's list of push services") \
  X(kNotP256Key, "not_p256_key", "is not a P-256 public key (65 bytes, base64url)")                   \
  X(kNotAuthSecret, "not_auth_secret", "must be 16 bytes, base64url")                                 \
  X(kEndpointTaken, "endpoint_taken", "is registered to another account")                             \
  X(kDeviceOfAnotherAccount, "device_of_another_account",                                             \
    "this device receives another account's notifications; turn them off there first")               \
  X(kNotDead, "not_dead", "only a dead notification can be retried")                                  \
  X(kLiveUnavailable, "live_unavailable", "live events are not available")                            \
  /* audiences */                                                                                     \
  X(kNotGrade, "not_grade", "must be a grade such as 小1 or 未就学")                                   \
  X(kMinAboveMax, "min_above_max", "must not be above max")                                           \
  /* messages */                                                                                      \
  X(kNoRecipients, "no_recipients", "the audience reaches no family today")                           \
  X(kNotFuture, "not_future", "must be in the future")                                                \
  X(kEmergencyAtOnce, "emergency_at_once", "an emergency notice is sent at once: no send_at")        \
  X(kNoSuchAttachment, "no_such_attachment", "no such attachment")                                    \
  X(kTooManyAttachments, "too_many_attachments", "at most 10 attachments")                            \
  X(kFileType, "file_type", "must be a PDF, PNG or JPEG file")                                        \
  X(kFileTooLarge, "file_too_large", "must be at most 10 MiB")                                        \
  X(kFileNotItsType, "file_not_its_type", "the file's contents are not of its Content-Type")          \
  X(kPathInName, "path_in_name", "must be a file name without / or \\")                               \
  X(kAlreadySent, "already_sent", "the message has been sent; only a scheduled message can be cancelled") \
  X(kNotSentYet, "not_sent_yet", "the message has not been sent")                                     \
  X(kNotEmergency, "not_emergency", "only an emergency notice can be ended")                          \
  X(kAlreadyEnded, "already_ended", "the emergency notice has already been ended")                    \
  X(kThreadClosed, "thread_closed", "the family is no longer enrolled at this facility: the thread is read-only") \
  /* surveys, the calendar and courses */                                                             \
  X(kDuplicateQuestion, "duplicate_question", "repeats the id of another question")                   \
  X(kQuestionIdCharacters, "question_id_characters", "may contain only A-Z, a-z, 0-9, '_' and '-'")   \
  X(kOptionsNeeded, "options_needed", "needs 2 to 30 options")                                        \
  X(kOptionsNotAllowed, "options_not_allowed", "takes no options (only single and multiple choice do)")\
  X(kDuplicateOption, "duplicate_option", "repeats another option")                                   \
  X(kWrongAnswerKind, "wrong_answer_kind", "is not an answer of this question's kind")                \
  X(kNotAnOption, "not_an_option", "is not one of the question's options")                            \
  X(kUnknownQuestion, "unknown_question", "is not a question of this survey")                         \
  X(kSurveyClosed, "survey_closed", "the survey has closed")                                          \
  X(kNotAfterStartsAt, "not_after_starts_at", "must be after starts_at")                              \
  X(kEventTooLong, "event_too_long", "must be within 31 days of starts_at")                           \
  X(kCourseOnly, "course_only", "only a course takes this")                                           \
  X(kApplyUntilAfterStart, "apply_until_after_start", "must not be after starts_at")                  \
  X(kFacilityClosed, "facility_closed", "the facility is closed that day")                            \
  X(kEventCancelled, "event_cancelled", "the event has been cancelled")                               \
  X(kNotACourse, "not_a_course", "only a course takes applications")                                  \
  X(kApplicationsClosed, "applications_closed", "applications for this course have closed")           \
  X(kAlreadyApplied, "already_applied", "has already applied for this course")                        \
  X(kOutsideAgeRange, "outside_age_range", "is outside the course's age range")                       \
  X(kCourseStarted, "course_started", "the course has begun")                                         \
  X(kBelowConfirmed, "below_confirmed", "must not be below the seats already confirmed")              \
  /* the window: pick-up, the kiosk's staff PIN */                                                    \
  X(kPickupOrAlone, "pickup_or_alone", "give either pickup_by or alone")                              \
  X(kAloneNotPermitted, "alone_not_permitted", "the guardians have not allowed this child to go home alone") \
  X(kPinFormat, "pin_format", "must be 4 to 8 digits")                                                \
  X(kWrongPin, "wrong_pin", "the PIN is not right")                                                   \
  X(kNoKioskPin, "no_kiosk_pin", "the facility has no staff PIN for its kiosks; set one on the facility page") \
  X(kTooManyPinAttempts, "too_many_pin_attempts", "too many wrong PINs; try again in 5 minutes")       \
  X(kKioskLocked, "kiosk_locked", "open the staff menu with the PIN first")                            \
  X(kNotMonth, "not_month", "must be a month YYYY-MM")                                                 \
  /* pre-registration, the window letter, rooms */                                                   \
  X(kNoSuchOrganization, "no_such_organization", "no such organization")                              \
  X(kNotFormToken, "not_form_token", "is not a form token of this organization; open the form again") \
  X(kFilledTooFast, "filled_too_fast", "was sent too soon after the form opened; check it and send it again") \
  X(kFormExpired, "form_expired", "the form is more than a day old; open it again")                   \
  X(kConsentRequired, "consent_required", "agree to how the data are used first")                     \
  X(kTooManyRegistrations, "too_many_registrations", "too many registrations from this address; try again in an hour") \
  X(kRegistrationDecided, "registration_decided", "the registration has already been approved or rejected") \
  X(kRejectReasonRequired, "reject_reason_required", "give the reason, 1 to 500 characters")          \
  X(kReviewersOnly, "reviewers_only", "only administrators and the staff of drop-in rooms review registrations") \
  X(kNotDropIn, "not_drop_in", "is not a drop-in room")                                               \
  /* visits of drop-in rooms, paper forms, consultations */                                         \
  X(kOneAgeKind, "one_age_kind", "give exactly one of birth_date, age_months and grade")              \
  X(kNobodyCame, "nobody_came", "a visit needs a child or an adult")                                  \
  X(kConsultationKeyMissing, "consultation_key_missing", "no key for consultation records is configured (TADAIMA_CONSULTATION_KEYS)") \
  X(kConsultationKeyUnknown, "consultation_key_unknown", "the record was sealed with a key that is no longer configured") \
  /* importing families from a CSV file */                                                          \
  X(kNotCsvText, "not_csv_text", "the file is neither UTF-8 nor Shift_JIS text")                       \
  X(kBadCsv, "bad_csv", "the file is not well-formed CSV")                                              \
  X(kEmptyImport, "empty_import", "the file has no rows after the header")                              \
  X(kUnknownColumn, "unknown_column", "is not a column of the import (see the documented columns)")    \
  X(kDuplicateColumn, "duplicate_column", "appears twice in the header")                                \
  X(kMissingColumn, "missing_column", "this column is required")                                        \
  X(kTooManyCells, "too_many_cells", "the row has more cells than the header")                          \
  X(kFamilyHasErrors, "family_has_errors", "another row of this family has an error")                  \
  X(kImportHasErrors, "import_has_errors", "the file has errors: correct them (see the dry run) and send it again") \
  X(kTooManyImportRows, "too_many_import_rows", "at most 20000 rows per file")                          \
  /* the test clock */                                                                                \
  X(kClockBackwards, "clock_backwards", "must not be before the clock's time: the clock never runs backwards") \
  X(kAtOrAdvance, "at_or_advance", "give either at or advance_ms")                                    \
  /* the server */                                                                                    \
  X(kBusy, "busy", "database is busy")                                                                 \
  X(kTooManyConnections, "too_many_connections", "the server has too many open connections; try again shortly")

#define TADAIMA_DECLARE_REASON(name, id, text) inline const Problem name{id, text, {}};
TADAIMA_REASONS(TADAIMA_DECLARE_REASON)
#undef TADAIMA_DECLARE_REASON

// Reasons with parameters: the params name the numbers or words the text shows.
Problem TooLong(long max);                        // too_long {max}
Problem TooShort(long min);                       // too_short {min}
Problem LengthRange(long min, long max);          // length_range {min, max}
Problem OutOfRange(long min, long max);           // out_of_range {min, max}
Problem RangeTooLong(long max_days);              // range_too_long {max_days}
// not_a_choice {choices}: "must be a, b or c"; choices joined by ",".
Problem NotAChoice(const std::vector<std::string>& choices);

// Every id: the catalogue's, the parameterized ones and the ErrorCode names.
std::vector<std::string_view> AllReasons();

}  // namespace tadaima::reason
