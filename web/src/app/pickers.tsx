// Controls shared by the plans and history pages: which child (when the family has more
// than one) and which month (previous / next), both kept in the URL.
import { t } from '../shared/i18n';
import type { MyChild } from '../shared/types';
import { SelectField } from '../shared/ui/fields';
import { addMonths, formatMonth } from './dates';
import { go, Link } from './router';

/** "/plans?child=…&month=…" */
export function pagePath(page: string, child_id: string, month: string): string {
  return `${page}?${new URLSearchParams({ child: child_id, month })}`;
}

export function ChildPicker({ page, items, current, month }: { page: string; items: MyChild[]; current: MyChild; month: string }) {
  if (items.length < 2) return null;
  return (
    <div class="pa-picker">
      <SelectField label={t('parent.child')} name="child" value={current.child.id}
        options={items.map((c) => ({ value: c.child.id, label: c.child.name }))}
        onValue={(id) => go(pagePath(page, id, month), true)} />
    </div>
  );
}

export function MonthPicker({ page, child_id, month, heading_id }: { page: string; child_id: string; month: string; heading_id: string }) {
  const prev = addMonths(month, -1);
  const next = addMonths(month, 1);
  return (
    <div class="pa-month">
      <Link to={pagePath(page, child_id, prev)} class="btn btn--secondary" label={t('parent.month_prev_label', { month: formatMonth(prev) })}>
        <span aria-hidden="true">‹</span> {t('parent.month_prev')}
      </Link>
      <h2 id={heading_id} aria-live="polite">{formatMonth(month)}</h2>
      <Link to={pagePath(page, child_id, next)} class="btn btn--secondary" label={t('parent.month_next_label', { month: formatMonth(next) })}>
        {t('parent.month_next')} <span aria-hidden="true">›</span>
      </Link>
    </div>
  );
}
