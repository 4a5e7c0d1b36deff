// The screens of the kiosk as data (what ./controller.ts shows and ./result_view.tsx
// draws), how long each stays, and what a refused card means by the answer's reason.
import type { ApiError } from '../shared/api';
import type { ErrorReason, StampPreview, StampResultKind } from '../shared/types';
import type { QueuedGuess } from './known_codes';
import type { PickupQuestion } from './pickup_questions';
import type { StaffDetail } from './staff_detail';

export interface ResultLine {
  name: string;
  result: StampResultKind;
  /** RFC 3339: in_at of an arrival, out_at of a departure, the latest of both for a duplicate. */
  at: string;
  /** An arrival staff should look at: the child was reported absent today, or came after closing. */
  review: 'absent_plan' | 'after_closing' | null;
}

export type RefusalReason = 'not_code' | 'replaced' | 'not_enrolled' | 'other_facility' | 'other';

export type Screen =
  | { kind: 'ready' }
  | { kind: 'checking' }
  /**
   * `questions`: this stamp's (id `own`) first, then the older ones still pending.
   * `adults`: how many adults came with the children, when the stamp made a visit (組) of a
   * family at a drop-in room; null otherwise.
   */
  | { kind: 'result'; lines: ResultLine[]; own: string | null; questions: PickupQuestion[]; adults: number | null }
  /** `adults`: the stepper's count at a drop-in room (preview.asks_adults); null where nobody asks. */
  | { kind: 'choose'; credential: string; preview: StampPreview; selected: string[]; adults: number | null }
  | { kind: 'queued'; guess: QueuedGuess | null }
  | { kind: 'refused'; reason: RefusalReason; detail: StaffDetail }
  | { kind: 'failed'; detail: StaffDetail }
  | { kind: 'revoked' };

/** How long each screen stays before the kiosk is ready again (ms). */
export const kHoldMs: Record<Screen['kind'], number> = {
  ready: 0,
  checking: 0,
  result: 5_000,
  choose: 30_000,
  queued: 4_000,
  refused: 8_000,
  failed: 6_000,
  revoked: 0,
};
export const kPickupHoldMs = 20_000;
/** How many adults came with a family at a drop-in room: the stepper's start and range (the server's too). */
export const kAdultsDefault = 1;
export const kAdultsMin = 0;
export const kAdultsMax = 20;
export const kPickupThanksMs = 2_500;
export const kTypingHoldMs = 60_000;
export const kRetryMs = 5_000;

/** The refusals the kiosk explains, by the reason of the answer or of its `credential` field. */
const kRefusals: Partial<Record<ErrorReason, RefusalReason>> = {
  not_code: 'not_code',
  credential_replaced: 'replaced',
  not_enrolled: 'not_enrolled',
  not_enrolled_anywhere: 'not_enrolled',
  not_family_child: 'not_enrolled',
  kiosk_other_facility: 'other_facility',
};

/** The reasons that mean this kiosk's token no longer counts: it was revoked. */
export const kRevoked = new Set<string>(['kiosk_revoked', 'kiosk_not_paired', 'unauthenticated', 'sign_in_required']);

/** What a refused stamp or preview means for the kiosk; null when it is not a refusal. */
export function refusal(err: ApiError): RefusalReason | null {
  if (err.code === 'permission_denied') return kRefusals[err.reason as ErrorReason] ?? 'other';
  if (err.code !== 'invalid_argument' || !('credential' in err.fields)) return null;
  return kRefusals[err.fieldReasons.credential as ErrorReason] ?? 'other';
}
