// The client's calls of the CSV import of families (administrators), spread into
// createApi's object (api.ts) so that `Api` has them. `call` and `request` are createApi's:
// `call` unwraps a 2xx answer (or one key of it) and throws ApiError otherwise; `request`
// answers {status, headers, body} whatever the status. The file goes as the raw body
// (Content-Type text/csv), UTF-8 with or without a BOM, or Shift_JIS: the server tells
// which. A file-level failure (not_csv_text, bad_csv, empty_import, too_many_import_rows)
// is an ApiError 400; problems of the header and of rows are in the report.
import type { CallFn, RequestFn } from './message_api';
import { ApiError } from './api_error';
import type { ImportJob, ImportReport } from './types';

const seg = encodeURIComponent;

export function importCalls(call: CallFn, request: RequestFn) {
  /** POSTs `file` as text/csv to `path`; the answer's field `key`, or ApiError. */
  async function send<T>(path: string, file: Blob, key: string): Promise<T> {
    const res = await request('POST', path, undefined, { raw: file, headers: { 'Content-Type': 'text/csv' } });
    if (res.status < 200 || res.status > 299) throw new ApiError(res.status, res.body);
    return res.body?.[key] as T;
  }

  return {
    /** What importing `file` would do, row by row; changes nothing. */
    dryRunImport: (file: Blob) => send<ImportReport>('/api/v1/imports/families?dry_run=true', file, 'report'),
    /**
     * Starts importing `file` in the background (all or nothing): the job, running. A file
     * with any error is refused (400 import_has_errors) and nothing is imported.
     */
    startImport: (file: Blob) => send<ImportJob>('/api/v1/imports/families', file, 'import'),
    /** The job's progress and outcome; 404 once the server no longer keeps it. */
    getImport: (id: string) => call<ImportJob>('GET', `/api/v1/imports/${seg(id)}`, undefined, 'import'),
  };
}
