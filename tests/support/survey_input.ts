// Builders of survey (アンケート) request bodies for the tests: a survey to the families of
// some facilities with one question of each kind, closing a week after the pinned start
// of the check-in tests' clock (2027-06-17 17:00 Tokyo), on the in-app channel only.
import type { SurveyInput, SurveyQuestion } from '../../web/src/shared/types';
import { clientId } from './checkin';

/** One question of each kind: q1 single (required), q2 multiple, q3 text, q4 date, q5 number. */
export const kEveryKind: SurveyQuestion[] = [
  { id: 'q1', kind: 'single', text: '夏祭りに参加しますか？', required: true, options: ['参加する', '参加しない'] },
  { id: 'q2', kind: 'multiple', text: 'お手伝いできる日', required: false, options: ['月', '水', '金'] },
  { id: 'q3', kind: 'text', text: 'ご意見', required: false },
  { id: 'q4', kind: 'date', text: '参加できない日', required: false },
  { id: 'q5', kind: 'number', text: '参加する人数', required: false },
];

export const kWeekAfterPinned = '2027-06-17T17:00:00+09:00';

/** A survey to the families of `facility_ids`; `over` replaces any field. */
export function surveyInput(facility_ids: string[], over: Partial<SurveyInput> = {}): SurveyInput {
  return {
    title: '夏祭りのアンケート',
    description: '7月20日の夏祭りについて教えてください。',
    questions: kEveryKind,
    audience: { facility_ids },
    closes_at: kWeekAfterPinned,
    channels: ['inapp'],
    client_id: clientId(),
    ...over,
  };
}
