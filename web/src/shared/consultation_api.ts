// The client's calls of consultation records (相談記録) and of the organization's audit log
// by subject, spread into createApi's object (api.ts) so that `Api` has them. `call` is
// createApi's: it unwraps a 2xx answer (or one key of it) and throws ApiError otherwise.
// Consultations are staff's and the org_admin's only (guardians and kiosks are answered
// 404), the audit the org_admin's (anyone else: 404). Every read (the list, the CSV) is written to the audit log by the server; a server
// without the sealing key answers 503 consultation_key_missing.
import { query } from './api';
import type { CallFn } from './message_api';
import type { AuditEntry, Consultation, ConsultationInput, ConsultationPatch } from './types';

const seg = encodeURIComponent;

export function consultationCalls(call: CallFn, baseUrl: string) {
  return {
    /** The family's consultation records, newest occurred_at first (the read is audited). */
    familyConsultations: (family_id: string) =>
      call<Consultation[]>('GET', `/api/v1/families/${seg(family_id)}/consultations`, undefined, 'items'),
    /** body 1..4000 characters; facility_id one of the organization's rooms. */
    createConsultation: (family_id: string, input: ConsultationInput) =>
      call<Consultation>('POST', `/api/v1/families/${seg(family_id)}/consultations`, input, 'consultation'),
    /** The fields given change; follow_up_on null clears it. */
    updateConsultation: (id: string, patch: ConsultationPatch) =>
      call<Consultation>('PATCH', `/api/v1/consultations/${seg(id)}`, patch, 'consultation'),
    /** The family's records as a CSV file (UTF-8 with BOM) for a transfer; the export is audited. */
    consultationsCsvUrl: (family_id: string) => `${baseUrl}/api/v1/families/${seg(family_id)}/consultations.csv`,
    /** org_admin: who read or changed the records of `subject` (a family's id) and when, newest first. */
    auditOf: (subject: string) => call<AuditEntry[]>('GET', `/api/v1/audit${query({ subject })}`, undefined, 'items'),
  };
}
