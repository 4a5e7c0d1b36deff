// What the plans and history pages share: the child and month they show
// (<ChildMonthPage>), and the controls choosing them: which child (when the family has more
// than one) and which month (previous / next), both kept in the URL.
import type { ComponentChildren } from 'preact';
import { errorText } from '../shared/form';
import { t } from '../shared/i18n';
import type { MyChild } from '../shared/types';
import { ErrorMessage, Loading } from '../shared/ui/feedback';
import { SelectField } from '../shared/ui/fields';
import { pickChild, useMyChildren } from './children';
import { addMonths, formatMonth, kMonthPattern, monthOf } from './dates';
import { PageHead } from './layout';
import { go, Link } from './router';

export interface ChildMonth {
  /** Every child of the family. */
  items: MyChild[];
  /** The child shown. */
  item: MyChild;
  /** The month shown ("2027-06"). */
  month: string;
}

/**
 * A page about one child and one month: the child of ?child= (else the first), the month
 * of ?month= (else the child's current one), handed to `render`. Until the children are
 * loaded, or when there are none, the page shows `title` and the loading line, the error
 * or that there are no children.
 */
export function ChildMonthPage({ title, child_id, month, render }: {
  title: string;
  child_id: string | null;
  month: string | null;
  render: (shown: ChildMonth) => ComponentChildren;
}) {
  const children = useMyChildren();
  const item = children.data ? pickChild(children.data, child_id) : undefined;
  if (!children.data || !item) {
    return (
      <>
        <PageHead title={title} />
        {children.error !== null && <ErrorMessage>{errorText(children.error)}</ErrorMessage>}
        {children.data === null ? <Loading label={t('common.loading')} /> : <p>{t('parent.no_children')}</p>}
      </>
    );
  }
  const shown = month && kMonthPattern.test(month) ? month : monthOf(item.today.date);
  return <>{render({ items: children.data, item, month: shown })}</>;
}

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
