// The children of a family with age and grade: edit one, add another.
import { useState } from 'preact/hooks';
import { gradeLabel, t } from '../../../shared/i18n';
import type { Family } from '../../../shared/types';
import { Button } from '../../../shared/ui/feedback';
import { ChildFields, childInput, kNoChild } from '../../people_fields';
import { api } from '../../../shared/session';
import { DraftForm } from './draft_form';

export function ChildrenSection({ family, onChanged }: { family: Family; onChanged: () => void }) {
  const [editing, setEditing] = useState<string | null>(null); // child id, or "new"
  const child = family.children.find((c) => c.id === editing);
  return (
    <section aria-labelledby="children">
      <h2 id="children">{t('family.children')}</h2>
      {family.children.length === 0 ? <p>{t('common.none')}</p> : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('child.name')}</th>
                <th scope="col">{t('child.name_kana')}</th>
                <th scope="col">{t('child.birth_date')}</th>
                <th scope="col">{t('child.age')}</th>
                <th scope="col">{t('child.grade')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {family.children.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td>{c.name_kana}</td>
                  <td>{c.birth_date}</td>
                  <td>{t('child.age_value', { years: c.age.years, months: c.age.months })}</td>
                  <td>{gradeLabel(c.grade)}</td>
                  <td class="no-print">
                    <Button variant="link" onClick={() => setEditing(c.id)} label={t('child.edit', { name: c.name })}>
                      {t('common.edit')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
