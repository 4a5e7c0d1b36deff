// The not-arrived alert of the roster: a banner naming every child who was expected
// (an attend plan with an arrival time) and has not arrived by that time plus the
// facility's grace. Its container is an assertive live region that is always in the
// page, so a screen reader announces the banner when it appears or its list changes.
import { t } from '../../../shared/i18n';
import type { RosterItem } from '../../../shared/types';
import { clockTime } from '../../../shared/ui/time';

/** The id of a child's row header, the target of the banner's links. */
export const rowId = (child_id: string) => `roster-child-${child_id}`;

export function NotArrivedAlert({ items, show }: { items: RosterItem[]; show: boolean }) {
  const missing = show ? items.filter((i) => i.status === 'not_arrived') : [];
  return (
    <div class="alarm-region" aria-live="assertive" aria-atomic="true">
      {missing.length > 0 && (
        <section class="alarm" aria-labelledby="not-arrived-title">
          <h2 id="not-arrived-title">{t('roster.not_arrived_title', { n: missing.length })}</h2>
          <ul>
            {missing.map((item) => (
              <li key={item.child.id}>
                <a href={`#${rowId(item.child.id)}`}>{item.child.name}</a>
                {' — '}
                {t('roster.not_arrived_expected', { time: item.plan?.arrive_at ?? '' })}
                {item.plan?.pickup_by && <>{' · '}{t('roster.plan_pickup', { name: item.plan.pickup_by })}</>}
                {item.alerted_at && <>{' · '}{t('roster.not_arrived_since', { time: clockTime(item.alerted_at) })}</>}
              </li>
            ))}
          </ul>
          <p>{t('roster.not_arrived_hint')}</p>
        </section>
      )}
    </div>
  );
}
