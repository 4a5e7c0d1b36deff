// The marker beside a child's name on the roster when the child has care texts: one
// button showing 「⚠アレルギー」「医療」「メモ」 for the kinds it has (the roster gives only
// which kinds, never the text), which opens ./care_dialog. Nothing when it has none.
import { t } from '../../../shared/i18n';
import type { CareMarkers } from '../../../shared/types';
import { careKindsOf } from '../../care';

export interface CareMarkerProps {
  name: string;
  care: CareMarkers;
  onOpen: () => void;
}

export function CareMarker({ name, care, onOpen }: CareMarkerProps) {
  const kinds = careKindsOf(care);
  if (kinds.length === 0) return null;
  return (
    <button type="button" class="care-marker" onClick={onOpen}>
      {kinds.map(({ kind, marker }) => (
        <span key={kind} class={`badge badge--care badge--care-${kind}`}>
          {kind === 'allergy' && <span aria-hidden="true">⚠</span>}
          {t(marker)}
        </span>
      ))}
      <span class="visually-hidden">{t('admin_care.marker_open', { name })}</span>
    </button>
  );
}
