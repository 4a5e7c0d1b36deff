// The use cases of Tadaima, one service per area, built once by the wiring
// (app/server_app.cpp, the command line) over one shared Context. Handlers
// take the one they need (`services.plans.SetPlans(...)`).
//
// Every call takes the Actor who asks and checks its role and organization
// (rules/permissions.h) before reading or writing; rows the actor may not see
// answer not_found. Every write runs in one transaction and changes nothing
// when it fails. Inputs are validated in the services, naming each bad field
// with a reason (base/reasons.h). Thread-safe.
#pragma once

#include "service/audiences.h"
#include "service/auth.h"
#include "service/calendar.h"
#include "service/consultations.h"
#include "service/context.h"
#include "service/courses.h"
#include "service/credentials.h"
#include "service/enrollments.h"
#include "service/facilities.h"
#include "service/families.h"
#include "service/family_imports.h"
#include "service/kiosks.h"
#include "service/messages.h"
#include "service/notifications.h"
#include "service/plans.h"
#include "service/registrations.h"
#include "service/secrets.h"
#include "service/stamps.h"
#include "service/stats.h"
#include "service/surveys.h"
#include "service/threads.h"
#include "service/visits.h"
#include "service/walk_ins.h"

namespace tadaima::service {

struct Services {
  Services(db::Database& db, Clock clock, Settings settings, Hooks hooks = {})
      : context(db, std::move(clock), std::move(settings), std::move(hooks)),
        secrets(context),
        auth(context),
        facilities(context),
        families(context),
        enrollments(context),
        kiosks(context),
        credentials(context, secrets),
        stamps(context, secrets),
        visits(context),
        plans(context),
        notifications(context, secrets),
        audiences(context),
        messages(context, audiences),
        threads(context),
        surveys(context, audiences),
        courses(context),
        calendar(context, audiences, courses),
        stats(context),
        registrations(context, secrets),
        walk_ins(context),
        consultations(context),
        family_imports(context) {}
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;

  Context context;
  Secrets secrets;
  Auth auth;
  Facilities facilities;
  Families families;
  Enrollments enrollments;
  Kiosks kiosks;
  Credentials credentials;
  Stamps stamps;
  Visits visits;
  Plans plans;
  Notifications notifications;
  Audiences audiences;
  Messages messages;
  Threads threads;
  Surveys surveys;
  Courses courses;
  Calendar calendar;
  Stats stats;
  Registrations registrations;
  WalkIns walk_ins;
  Consultations consultations;
  FamilyImports family_imports;  // last: its workers stop before the rest goes
};

}  // namespace tadaima::service
