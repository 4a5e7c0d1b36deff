// The pick-up questions a departure asks ("who picks up 山田 太郎?"), one per stamp that
// had departures, for exactly its own visits. A question not answered while its result
// screen showed stays pending, so the next result screens ask it again, labelled with
// the children's names, until it is answered, skipped (記録しない) or kPickupAnswerMs
// after the departure have passed (the server refuses a kiosk's answer later:
// pickup_too_late). Memory only; single-threaded like the controller that owns it.
import { isFamilyStampResult, type PickupInput, type StampAnswer } from '../shared/types';
import type { StaffDetail } from './staff_detail';

/** How long after a departure the kiosk may still say who picked up (the server's rule). */
export const kPickupAnswerMs = 10 * 60 * 1000;

/** `{pickup_by: name}` or `{alone: true}`, as sent to POST /visits/{id}/pickup. */
export type PickupAnswer = { pickup_by: string } | { alone: true };

export interface PickupQuestion {
  /** The first visit's id: stable while the question lives. */
  id: string;
  visit_ids: string[];
  /** The departed children, for the label 「山田 太郎さんのお迎えは？」. */
  names: string[];
  /** The guardians as "relation name"; the kiosk adds ひとりで帰る and その他 itself. */
  choices: string[];
  /** Every child of it may go home alone: ひとりで帰る may be offered. */
  alone: boolean;
  /** Milliseconds since the epoch (server time) of the latest departure. */
  departed_at: number;
  /** Set once answered on the screen showing it. */
  answer: PickupAnswer | null;
  /** Why recording the answer failed, once it has. */
  failed: StaffDetail | null;
}

/** The input of setPickup for an answer (exactly one of the two keys). */
export function pickupInput(answer: PickupAnswer): PickupInput {
  return 'alone' in answer ? { alone: true } : { pickup_by: answer.pickup_by };
}

/** The pick-up question of a stamp's departures; null when nobody departed. */
export function questionOf(answer: StampAnswer): PickupQuestion | null {
  const results = isFamilyStampResult(answer) ? answer.results : [answer];
  const departed = results.filter((r) => r.result === 'departed').map((r) => r.visit);
  if (departed.length === 0) return null;
  return {
    id: departed[0].id,
    visit_ids: departed.map((v) => v.id),
    names: departed.map((v) => v.child.name),
    choices: answer.pickup_choices,
    alone: answer.pickup_alone,
    departed_at: Math.max(...departed.map((v) => Date.parse(v.out_at ?? v.in_at))),
    answer: null,
    failed: null,
  };
}

export class PendingPickups {
  private items_: PickupQuestion[] = [];

  /** `now` gives the server's time in ms (see ./clock.ts). */
  constructor(private readonly now: () => number) {}

  /** The unanswered questions still in time, oldest first. */
  list(): PickupQuestion[] {
    const now = this.now();
    this.items_ = this.items_.filter((q) => now < q.departed_at + kPickupAnswerMs);
    return [...this.items_];
  }

  /** Keeps `q` until answered, skipped or too late; a question of the same id is replaced. */
  add(q: PickupQuestion): void {
    this.items_ = [...this.items_.filter((p) => p.id !== q.id), { ...q, answer: null, failed: null }];
    this.items_.sort((a, b) => a.departed_at - b.departed_at);
  }

  /** Forgets the question `id` (answered or skipped); returns it, or null when not pending. */
  take(id: string): PickupQuestion | null {
    const q = this.items_.find((p) => p.id === id) ?? null;
    this.items_ = this.items_.filter((p) => p.id !== id);
    return q;
  }

  /** Forgets every question (the kiosk was unpaired or revoked). */
  clear(): void {
    this.items_ = [];
  }
}
