// The children of a family with age and grade: edit one, add another.
import { useState } from 'preact/hooks';
import { gradeLabel, t } from '../../../shared/i18n';
import type { Family } from '../../../shared/types';
import { Button } from '../../../shared/ui/feedback';
import { Table } from '../../../shared/ui/table';
import { ChildFields, childInput, kNoChild } from '../../people_fields';
import { api } from '../../../shared/session';
import { DraftForm } from './draft_form';

export function ChildrenSection({ family, onChanged }: { family: Family; onChanged: () => void }) {
  const [editing, setEditing] = useState<string | null>(null); // child id, or "new"
  const child = family.children.find((c) => c.id === editing);
  return (
    <section aria-labelledby="children">
      <h2 id="children">{t('family.children')}</h2>
      <Table labelledBy="children" rows={family.children} rowKey={(c) => c.id} empty={t('common.none')} columns={[
        { header: t('child.name'), cell: (c) => c.name },
        { header: t('child.name_kana'), cell: (c) => c.name_kana },
        { header: t('child.birth_date'), cell: (c) => c.birth_date },
        { header: t('child.age'), cell: (c) => t('child.age_value', { years: c.age.years, months: c.age.months }) },
        { header: t('child.grade'), cell: (c) => gradeLabel(c.grade) },
        {
          header: t('common.actions'), class: 'no-print',
          cell: (c) => (
            <Button variant="link" onClick={() => setEditing(c.id)} label={t('child.edit', { name: c.name })}>
              {t('common.edit')}
            </Button>
          ),
        },
      ]} />
      {child && (
        <DraftForm key={child.id} title={t('child.edit', { name: child.name })}
          initial={{ name: child.name, name_kana: child.name_kana ?? '', birth_date: child.birth_date }}
          Fields={ChildFields} submitLabel={t('common.save')} onCancel={() => setEditing(null)}
          submit={async (d) => {
            await api.updateChild(child.id, { ...childInput(d), name_kana: d.name_kana.trim() || null });
            setEditing(null);
            onChanged();
          }} />
      )}
      {editing === 'new' ? (
        <DraftForm title={t('child.add')} initial={kNoChild} Fields={ChildFields}
          submitLabel={t('common.add')} onCancel={() => setEditing(null)}
          submit={async (d) => {
            await api.addChild(family.id, childInput(d));
            setEditing(null);
            onChanged();
          }} />
      ) : (
        <Button variant="secondary" onClick={() => setEditing('new')}>{t('child.add')}</Button>
      )}
    </section>
  );
}
