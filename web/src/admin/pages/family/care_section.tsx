// アレルギー・医療・メモ on the family page: one card a child (./child_care_card), each
// with going home alone and the care texts shown on demand.
import { t } from '../../../shared/i18n';
import type { Family } from '../../../shared/types';
import { ChildCareCard } from './child_care_card';

export function CareSection({ family, onChanged }: { family: Family; onChanged: () => void }) {
  if (family.children.length === 0) return null;
  return (
    <section aria-labelledby="care">
      <h2 id="care">{t('admin_care.title')}</h2>
      <p class="hint">{t('admin_care.intro')}</p>
      {family.children.map((c) => <ChildCareCard key={c.id} child={c} onChanged={onChanged} />)}
    </section>
  );
}
