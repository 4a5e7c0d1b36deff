// Choosing the family a paper form (利用者票) belongs to: search by name or kana
// (../../family_search.tsx; the dialog opens on that field), pick one of the families found
// (named with their children; a single one found is picked already), confirm. `onPick`
// does what choosing means (fill the form, or link a stored form); an error it throws is
// said in the dialog, which stays open. The caller closes it on success.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useAction } from '../../../shared/action';
import { t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import type { Family } from '../../../shared/types';
import { Dialog } from '../../../shared/ui/dialog';
import { Button, ErrorMessage, Loading } from '../../../shared/ui/feedback';
import { RadioGroup } from '../../../shared/ui/fields';
import { errorText } from '../../form';
import { FamilySearchForm } from '../../family_search';

const kResults = 20;

/** 「山田家（山田 太郎、山田 花）」: a family named with its children, to tell namesakes apart. */
function familyLabel(f: Family): string {
  const children = f.children.map((c) => c.name).join('、');
  return children ? t('walk_in.pick_family_children', { family: f.name, children }) : f.name;
}

export function FamilyPickDialog({ title, onPick, onClose }: {
  title: string;
  onPick: (family: Family) => Promise<void>;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ families: Family[] | null; error: string; busy: boolean }>(
    { families: null, error: '', busy: false });
  const [family_id, setFamilyId] = useState('');
  const action = useAction();
  const family = found.families?.find((f) => f.id === family_id);
  const search_ref = useRef<HTMLDivElement>(null);
  // The dialog opens on its search field (after the dialog's own effect showed it).
  useEffect(() => search_ref.current?.querySelector('input')?.focus(), []);

  const search = (q: string) => {
    setFound({ families: found.families, error: '', busy: true });
    api.listFamilies({ q, limit: kResults }).then(
      (page) => {
        setFound({ families: page.items, error: '', busy: false });
        setFamilyId(page.items.length === 1 ? page.items[0].id : '');
      },
      (err) => setFound({ families: null, error: errorText(err), busy: false }),
    );
  };
  const pick = (e: Event) => {
    e.preventDefault();
    if (family && !action.busy) void action.run(() => onPick(family));
  };

  return (
    <Dialog title={title} onClose={onClose} closeLabel={t('common.close')}>
      <div ref={search_ref}>
        <FamilySearchForm value={text} onValue={setText} onSearch={search} busy={found.busy} />
      </div>
      <ErrorMessage>{found.error}</ErrorMessage>
      {found.busy && <Loading label={t('common.loading')} />}
      {found.families?.length === 0 && <p role="status">{t('walk_in.pick_none_found')}</p>}
      {found.families && found.families.length > 0 && (
        <form onSubmit={pick} noValidate>
          <RadioGroup legend={t('walk_in.pick_family')} name="family" value={family_id} onValue={setFamilyId}
            options={found.families.map((f) => ({ value: f.id, label: familyLabel(f) }))} />
          <ErrorMessage>{action.error}</ErrorMessage>
          <div class="actions">
            <Button type="submit" busy={!!action.busy} disabled={!family}>{t('walk_in.pick_submit')}</Button>
            <Button variant="secondary" onClick={onClose}>{t('common.cancel')}</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
