// The words a kiosk greets with, by the kind of its facility: after-school clubs and
// nurseries welcome their own children home (おかえりなさい / さようなら); a drop-in room
// greets visitors (ようこそ / ありがとうございました。またね).
import type { MessageKey } from '../shared/i18n';
import type { FacilityKind, StampResultKind } from '../shared/types';

const kHeadline: Record<'home' | 'visitors', Record<StampResultKind, MessageKey>> = {
  home: { arrived: 'kiosk.arrived', departed: 'kiosk.departed', duplicate: 'kiosk.duplicate' },
  visitors: { arrived: 'kiosk.arrived_visitor', departed: 'kiosk.departed_visitor', duplicate: 'kiosk.duplicate' },
};

/** Short words for a queued scan's probable direction: 「おかえり」/「さようなら」 or 「ようこそ」/「またね」. */
const kDirection: Record<'home' | 'visitors', Record<'in' | 'out', MessageKey>> = {
  home: { in: 'kiosk.direction_in', out: 'kiosk.direction_out' },
  visitors: { in: 'kiosk.direction_in_visitor', out: 'kiosk.direction_out_visitor' },
};

const style = (kind: FacilityKind) => (kind === 'drop_in' ? 'visitors' : 'home');

/** The big headline of a result at a facility of `kind`. */
export function headlineKey(result: StampResultKind, kind: FacilityKind): MessageKey {
  return kHeadline[style(kind)][result];
}

/** The word for a probable direction at a facility of `kind`. */
export function directionKey(direction: 'in' | 'out', kind: FacilityKind): MessageKey {
  return kDirection[style(kind)][direction];
}
