// Who picked a child up, as the roster's dialogs offer it: a guardian named the way the
// server's pickup_choices name them ("relation name", or the name alone), ひとりで帰る, or
// その他 with a name (at most kMaxPickupName characters, the API's limit).
import type { Guardian, PickupInput } from '../../../shared/types';

export const kMaxPickupName = 50;

/** "母 山田 花子" (the server's pickup_choices form), or the name when no relation is known. */
export const guardianChoice = (g: Pick<Guardian, 'name' | 'relation'>): string =>
  g.relation ? `${g.relation} ${g.name}` : g.name;

/** What the visit records now, as an input that would record it again (null: nothing yet). */
export function currentPickup(visit: { pickup_by: string | null; left_alone: boolean }): PickupInput | null {
  if (visit.left_alone) return { alone: true };
  return visit.pickup_by ? { pickup_by: visit.pickup_by } : null;
}

export function samePickup(a: PickupInput | null, b: PickupInput | null): boolean {
  if (!a || !b) return a === b;
  return a.alone === b.alone && a.pickup_by === b.pickup_by;
}
