// What the admin says about a child's care texts (アレルギー・医療・メモ) wherever they
// show: the kinds a child has (the roster's markers), and who changed them when.
import { t, type MessageKey } from '../shared/i18n';
import type { CareMarkers, ChildCare } from '../shared/types';
import { calendarDate, clockTime } from '../shared/ui/time';

/** The care kinds in the order staff read them, each with its marker's text. */
export const kCareKinds: readonly { kind: keyof CareMarkers; marker: MessageKey; label: MessageKey }[] = [
  { kind: 'allergy', marker: 'admin_care.marker_allergy', label: 'admin_care.allergy' },
  { kind: 'medical', marker: 'admin_care.marker_medical', label: 'admin_care.medical' },
  { kind: 'notes', marker: 'admin_care.marker_notes', label: 'admin_care.notes' },
];

/** The kinds `markers` says the child has. */
export const careKindsOf = (markers: CareMarkers) => kCareKinds.filter((k) => markers[k.kind]);

/** 「最終更新：2027-06-10 16:40（佐藤 花子）」, or '' when the texts were never written. */
export function careUpdated(care: ChildCare): string {
  if (!care.updated_at) return '';
  const time = `${calendarDate(care.updated_at)} ${clockTime(care.updated_at)}`;
  return care.updated_by
    ? t('admin_care.updated_by', { time, name: care.updated_by.name })
    : t('admin_care.updated', { time });
}
