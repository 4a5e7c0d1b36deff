// The client's calls of surveys (アンケート), spread into createApi's object (api.ts) so
// that `Api` has them. `call` is createApi's: it unwraps a 2xx answer (or one key of it)
// and throws ApiError otherwise. GET /surveys and GET /surveys/{id} answer staff and
// guardians differently; each side has its own method of the same route.
import { query } from './api';
import type { CallFn } from './message_api';
import type {
  FamilySurvey,
  Page,
  SentSurvey,
  StaffSurvey,
  SurveyAnswers,
  SurveyFile,
  SurveyInput,
  SurveyListParams,
  SurveyResponse,
  SurveyResults,
} from './types';

const seg = encodeURIComponent;

const kFileQuery: Record<SurveyFile, string> = {
  csv: '?format=csv',
  csv_shift_jis: '?format=csv&encoding=shift_jis',
  xlsx: '?format=xlsx',
};

const listQuery = (p: SurveyListParams) => query({ open: p.open, limit: p.limit, cursor: p.cursor });

export function surveyCalls(call: CallFn, baseUrl: string) {
  return {
    // staff
    /** 201 sent, 200 with the first answer when client_id was seen before. */
    createSurvey: (input: SurveyInput) => call<SentSurvey>('POST', '/api/v1/surveys', input),
    /** Newest first; facility_staff see the surveys whose facilities are all theirs. */
    surveys: (p: SurveyListParams = {}) => call<Page<StaffSurvey>>('GET', `/api/v1/surveys${listQuery(p)}`),
    staffSurvey: (id: string) => call<StaffSurvey>('GET', `/api/v1/surveys/${seg(id)}`, undefined, 'survey'),
    /** Refuses answers from now on; closing a closed survey is harmless. */
    closeSurvey: (id: string) =>
      call<StaffSurvey>('POST', `/api/v1/surveys/${seg(id)}/close`, undefined, 'survey'),
    /** Tells the families that have not answered again; answers how many (409 survey_closed after closing). */
    remindSurvey: (id: string) =>
      call<number>('POST', `/api/v1/surveys/${seg(id)}/remind`, undefined, 'families'),
    surveyResults: (id: string) => call<SurveyResults>('GET', `/api/v1/surveys/${seg(id)}/results`),
    /** Where a file of the results is fetched (same origin unless baseUrl). */
    surveyResultsUrl: (id: string, file: SurveyFile) => `${baseUrl}/api/v1/surveys/${seg(id)}/results${kFileQuery[file]}`,

    // guardians of a family the survey reached
    /** The surveys that reached the family, newest first, each with `answered`. */
    mySurveys: (p: SurveyListParams = {}) => call<Page<FamilySurvey>>('GET', `/api/v1/surveys${listQuery(p)}`),
    /** GET /surveys/{id} as a guardian: with the family's `answers` (null until it answered). */
    mySurvey: (id: string) => call<FamilySurvey>('GET', `/api/v1/surveys/${seg(id)}`, undefined, 'survey'),
    /** Saves (replaces) the family's answers; 409 survey_closed after closes_at. */
    answerSurvey: (id: string, answers: SurveyAnswers) =>
      call<SurveyResponse>('PUT', `/api/v1/surveys/${seg(id)}/response`, { answers }, 'response'),
  };
}
