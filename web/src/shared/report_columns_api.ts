// The client's calls of the monthly report's columns (実績表の列: which figures the XLSX,
// CSV and PDF tables of the 利用者実績表 show, in which order, for drop-in rooms and
// nurseries and for after-school clubs), spread into createApi's object (api.ts) so that
// `Api` has them. `call` is createApi's: it unwraps a 2xx answer (or one key of it) and
// throws ApiError otherwise.
import type { CallFn } from './message_api';
import type { ReportColumnLists, ReportColumnsAnswer } from './types';

export function reportColumnCalls(call: CallFn) {
  return {
    /** Staff: the organization's columns, their defaults and every choice (key and label). */
    reportColumns: () => call<ReportColumnsAnswer>('GET', '/api/v1/reports/columns'),
    /**
     * org_admin (audited): chooses the columns; a list left out goes back to its defaults
     * ({} restores both). 400 names each bad entry (`drop_in[1]`: not_a_choice or
     * duplicate_key; an empty list: required); 403 for anyone else.
     */
    putReportColumns: (lists: Partial<ReportColumnLists>) =>
      call<ReportColumnsAnswer>('PUT', '/api/v1/reports/columns', lists),
  };
}
