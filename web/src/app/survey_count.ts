// The number of open surveys (アンケート) the family has not answered yet, for the link on
// the home page, kept fresh (../shared/fresh): fetched when shown, again on a survey's
// notification and on push messages, when the page becomes visible, when a survey was
// answered here (refreshSurveyCount), and by polling while the live stream is not open.
// 0 while unknown.
import { fetchAll } from '../shared/data';
import { FreshLink, useFresh } from '../shared/fresh';
import { api } from '../shared/session';

const link = new FreshLink<number>();
// A family has few open surveys; this bounds the pages fetched all the same.
const kMaxPages = 5;

/** Fetches the count again (after answering). */
export function refreshSurveyCount(): void {
  link.reload();
}

export function useUnansweredSurveys(): number {
  return useFresh(
    'unanswered-surveys',
    async () => {
      const open = await fetchAll((cursor) => api.mySurveys({ open: 'true', limit: 200, cursor }), kMaxPages);
      return open.filter((s) => !s.answered).length;
    },
    (event) => (event.type === 'notification' && event.notification.kind === 'survey') || event.type === 'push',
    { link },
  ).data ?? 0;
}
