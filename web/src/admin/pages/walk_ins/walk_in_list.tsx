// The paper forms (利用者票) of one day under the form: the day's totals, then a row a form
// — the time, adults, the children's age bands, area and family — the one entered last on
// top (by created_at; the server's order, newest visit first, among forms entered in the
// same instant). Each row links the form to a family (家族に紐づけ, or 紐づけを解除) and
// deletes it after confirming (削除). Outcomes are said above the table; `onChanged` is
// called after each change so the page fetches the day again.
import { useState } from 'preact/hooks';
import { Outcome, useAction } from '../../../shared/action';
import { t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { Family, WalkIn } from '../../../shared/types';
import { ConfirmDialog } from '../../../shared/ui/confirm_dialog';
import { Button } from '../../../shared/ui/feedback';
import { Table } from '../../../shared/ui/table';
import { clockTime } from '../../../shared/ui/time';
import { FamilyPickDialog } from './family_pick_dialog';
import { childrenText } from './walk_in_text';

/** The day's forms, the one entered last first (a stable sort keeps the server's order among equals). */
export function enteredLastFirst(items: readonly WalkIn[]): WalkIn[] {
  return [...items].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
}

export function WalkInList({ title_id, items, onChanged }: {
  /** The id of the heading that names the list. */
  title_id: string;
  items: readonly WalkIn[];
  onChanged: () => void;
}) {
  const action = useAction<string>();
  const [deleting, setDeleting] = useState<WalkIn | null>(null);
  const [linking, setLinking] = useState<WalkIn | null>(null);
  const rows = enteredLastFirst(items);
  const time = (w: WalkIn) => clockTime(w.visited_at);
  const adults = rows.reduce((n, w) => n + w.adults, 0);
  const children = rows.reduce((n, w) => n + w.children.length, 0);

  const remove = (w: WalkIn) =>
    action.run(async () => {
      await api.deleteWalkIn(w.id);
      onChanged();
      return t('walk_in.deleted', { time: time(w) });
    }, { tag: w.id });
  const unlink = (w: WalkIn) =>
    action.run(async () => {
      await api.linkWalkIn(w.id, null);
      onChanged();
      return t('walk_in.unlinked', { time: time(w), family: w.family_name ?? '' });
    }, { tag: w.id });
  const link = async (w: WalkIn, family: Family) => {
    const linked = await api.linkWalkIn(w.id, family.id);
    setLinking(null);
    onChanged();
    action.say(t('walk_in.linked', { time: time(w), family: linked.family_name ?? family.name }));
  };

  return (
    <>
      {rows.length > 0 && <p class="meta">{t('walk_in.summary', { n: rows.length, adults, children })}</p>}
      <Outcome of={action} />
      <Table labelledBy={title_id} rows={rows} rowKey={(w) => w.id} empty={t('walk_in.none')} class="walk-ins"
        columns={[
          { header: t('walk_in.col_time'), rowHeader: true, cell: time },
          { header: t('walk_in.col_adults'), cell: (w) => t('walk_in.people', { n: w.adults }) },
          { header: t('walk_in.col_children'), cell: childrenText },
          { header: t('walk_in.col_area'), cell: (w) => w.area ?? '' },
          { header: t('walk_in.col_family'), cell: (w) => w.family_name ?? '' },
          {
            header: t('common.actions'), class: 'no-print',
            cell: (w) => (
              <div class="cell-actions">
                {w.family_id ? (
                  <Button variant="secondary" busy={action.busy === w.id} onClick={() => void unlink(w)}
                    label={t('walk_in.unlink_family_label', { time: time(w), family: w.family_name ?? '' })}>
                    {t('walk_in.unlink_family')}
                  </Button>
                ) : (
                  <Button variant="secondary" disabled={action.busy === w.id} onClick={() => setLinking(w)}
                    label={t('walk_in.link_family_label', { time: time(w) })}>
                    {t('walk_in.link_family')}
                  </Button>
                )}
                <Button variant="danger" disabled={action.busy === w.id} onClick={() => setDeleting(w)}
                  label={t('walk_in.delete_label', { time: time(w) })}>
                  {t('walk_in.delete')}
                </Button>
              </div>
            ),
          },
        ]} />
      {deleting && (
        <ConfirmDialog title={t('walk_in.delete_title')}
          text={t('walk_in.delete_text', { time: time(deleting), adults: deleting.adults, children: deleting.children.length })}
          confirm={t('walk_in.delete_confirm')}
          onConfirm={() => {
            const w = deleting;
            setDeleting(null);
            void remove(w);
          }}
          onClose={() => setDeleting(null)} />
      )}
      {linking && (
        <FamilyPickDialog title={t('walk_in.link_family_label', { time: time(linking) })}
          onPick={(family) => link(linking, family)} onClose={() => setLinking(null)} />
      )}
    </>
  );
}
