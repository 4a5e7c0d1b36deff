// The page for each URL below /admin, inside the shell.
import { t } from '../shared/i18n';
import { Landing } from './landing';
import { PageHead, Shell } from './layout';
import { CalendarPage } from './pages/calendar/calendar_page';
import { EventDetail } from './pages/calendar/event_detail';
import { EventFormPage } from './pages/calendar/event_form';
import { FacilityForm } from './pages/facility_form';
import { FacilityList } from './pages/facility_list';
import { FacilityPage } from './pages/facility_page';
import { FamilyDetail } from './pages/family_detail';
import { FamilyList } from './pages/family_list';
import { FamilyNew } from './pages/family_new';
import { ImportsPage } from './pages/imports/imports_page';
import { MessageCompose } from './pages/messages/message_compose';
import { MessageDetail } from './pages/messages/message_detail';
import { MessageList } from './pages/messages/message_list';
import { NotificationDetail } from './pages/notification_detail';
import { NotificationList } from './pages/notification_list';
import { PendingPlansPage } from './pages/pending_plans';
import { RegistrationsPage } from './pages/registrations/registrations_page';
import { OnSitePage } from './pages/roster/on_site';
import { RosterPage } from './pages/roster';
import { StaffForm } from './pages/staff_form';
import { StatsPage } from './pages/stats/stats_page';
import { SurveyCompose } from './pages/surveys/survey_compose';
import { SurveyDetail } from './pages/surveys/survey_detail';
import { SurveyList } from './pages/surveys/survey_list';
import { StaffList } from './pages/staff_list';
import { ThreadDetail } from './pages/threads/thread_detail';
import { ThreadList } from './pages/threads/thread_list';
import { VisitList } from './pages/visit_list';
import { WalkInsPage } from './pages/walk_ins/walk_ins_page';
import { match, useLocation } from './router';
import { isAdmin, useSession } from '../shared/session';

function NotFound() {
  return <PageHead title={t('not_found.title')} />;
}

function Page() {
  const { user } = useSession();
  const { path } = useLocation();
  const admin = isAdmin(user);
  let m: Record<string, string> | null;

  if (path === '/') return <Landing />;
  if (path === '/families') return <FamilyList />;
  if (path === '/families/new') return <FamilyNew />;
  if ((m = match('/families/:id', path))) return <FamilyDetail key={m.id} id={m.id} />;
  if (path === '/imports') return <ImportsPage />;
  if (path === '/registrations') return <RegistrationsPage />;
  if (path === '/facilities') return <FacilityList />;
  if (path === '/facilities/new' && admin) return <FacilityForm />;
  if ((m = match('/facilities/:id', path))) return <FacilityPage key={m.id} id={m.id} />;
  if ((m = match('/facilities/:id/walk-ins', path))) return <WalkInsPage key={m.id} id={m.id} />;
  if (path === '/roster') return <RosterPage />;
  if (path === '/on-site') return <OnSitePage />;
  if (path === '/plans') return <PendingPlansPage />;
  if (path === '/visits') return <VisitList />;
  if (path === '/threads') return <ThreadList />;
  if ((m = match('/threads/:id', path))) return <ThreadDetail key={m.id} id={m.id} />;
  if (path === '/messages') return <MessageList />;
  if (path === '/messages/new') return <MessageCompose />;
  if ((m = match('/messages/:id', path))) return <MessageDetail key={m.id} id={m.id} />;
  if (path === '/surveys') return <SurveyList />;
  if (path === '/surveys/new') return <SurveyCompose />;
  if ((m = match('/surveys/:id', path))) return <SurveyDetail key={m.id} id={m.id} />;
  if (path === '/calendar') return <CalendarPage />;
  if (path === '/calendar/new') return <EventFormPage />;
  if ((m = match('/calendar/:id/edit', path))) return <EventFormPage key={m.id} id={m.id} />;
  if ((m = match('/calendar/:id', path))) return <EventDetail key={m.id} id={m.id} />;
  if (path === '/stats') return <StatsPage />;
  if (path === '/notifications') return <NotificationList />;
  if ((m = match('/notifications/:id', path))) return <NotificationDetail key={m.id} id={m.id} />;
  if (path === '/staff' && admin) return <StaffList />;
  if (path === '/staff/new' && admin) return <StaffForm />;
  if ((m = match('/staff/:id', path)) && admin) return <StaffForm key={m.id} id={m.id} />;
  return <NotFound />;
}

export function Routes() {
  return (
    <Shell>
      <Page />
    </Shell>
  );
}
