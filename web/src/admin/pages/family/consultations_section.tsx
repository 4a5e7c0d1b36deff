// 相談記録 on the family page (staff and the org_admin): staff's notes of the family's
// consultations at the organization's drop-in rooms, never shown to the family — the
// section says so. The records load only when staff press 「相談記録を表示」 (the server
// records every read in the audit log, and the family page is often open at the window);
// each is then listed newest first (date and time, room, category, the text with its line
// breaks, the follow-up date, who recorded it) and edited in place. 「相談を記録」 opens the
// form of a new one (./consultation_form); 「CSVで書き出す」 downloads them all for a
// transfer. The org_admin also has 閲覧履歴 (./consultation_history).
import { useState } from 'preact/hooks';
import { Outcome, useAction } from '../../../shared/action';
import { t } from '../../../shared/i18n';
import { api, isAdmin, useSession } from '../../../shared/session';
import type { Consultation, Family } from '../../../shared/types';
import { Button } from '../../../shared/ui/feedback';
import { useFacilities } from '../../data';
import { categoryLabel, consultationDate, consultationWhen, ConsultationForm } from './consultation_form';
import { ConsultationHistory } from './consultation_history';

/** Newest occurred_at first, as the server lists them. */
const newestFirst = (items: Consultation[]) =>
  [...items].sort((a, b) => Date.parse(b.occurred_at) - Date.parse(a.occurred_at));

function ConsultationItem({ item, onEdit }: { item: Consultation; onEdit: () => void }) {
  const when = consultationWhen(item.occurred_at);
  const title_id = `consultation-${item.id}`;
  return (
    <article class="card consultation" aria-labelledby={title_id}>
      <div class="card-head">
        <h3 id={title_id}>{when}　{categoryLabel(item.category)}</h3>
        <Button variant="secondary" onClick={onEdit} label={t('admin_consult.edit_label', { when })}>
          {t('admin_consult.edit')}
        </Button>
      </div>
      <p class="meta">
        {t('admin_consult.at_room', { room: item.facility_name })}
        {' ・ '}
        {t('admin_consult.by', { name: item.created_by_name ?? t('admin_consult.unknown') })}
        {item.updated_at !== item.created_at && t('admin_consult.changed', { when: consultationWhen(item.updated_at) })}
      </p>
      <p class="care-text consultation-body">{item.body}</p>
      {item.follow_up_on && (
        <p><strong>{t('admin_consult.follow_up', { date: consultationDate(item.follow_up_on) })}</strong></p>
      )}
    </article>
  );
}

export function ConsultationsSection({ family }: { family: Family }) {
  const { user } = useSession();
  const facilities = useFacilities().data;
  const rooms = (facilities ?? []).filter((f) => f.kind === 'drop_in');
  // null: not shown (not read) yet
  const [items, setItems] = useState<Consultation[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  // moves on after each read or write, so that an open 閲覧履歴 loads again
  const [version, setVersion] = useState(0);
  const action = useAction();
  const bump = () => setVersion((n) => n + 1);

  const show = () =>
    action.run(async () => {
      setItems(await api.familyConsultations(family.id));
      bump();
    });
  const recorded = (c: Consultation) => {
    setAdding(false);
    if (items) setItems(newestFirst([...items, c]));
    bump();
    action.say(t('admin_consult.recorded'));
  };
  const saved = (c: Consultation) => {
    setEditing(null);
    if (items) setItems(newestFirst(items.map((x) => (x.id === c.id ? c : x))));
    bump();
    action.say(t('admin_consult.saved'));
  };

  return (
    <section aria-labelledby="consultations" class="consultations">
      <h2 id="consultations">{t('admin_consult.title')}</h2>
      <p class="alert alert--warning">{t('admin_consult.private')}</p>
      <p class="hint">{t('admin_consult.audited')}</p>
      <Outcome of={action} />
      <div class="actions no-print">
        {items === null
          ? <Button variant="secondary" busy={!!action.busy} onClick={() => void show()}>{t('admin_consult.show')}</Button>
          : <Button variant="secondary" onClick={() => { setItems(null); setEditing(null); }}>{t('admin_consult.hide')}</Button>}
        {!adding && rooms.length > 0 && (
          <Button onClick={() => { setAdding(true); action.say(''); }}>{t('admin_consult.record')}</Button>
        )}
        <a class="btn btn--secondary" href={api.consultationsCsvUrl(family.id)} download>
          {t('admin_consult.csv')}
        </a>
      </div>
      {facilities && rooms.length === 0 && <p class="hint">{t('admin_consult.no_room')}</p>}
      {adding && (
        <ConsultationForm family_id={family.id} rooms={rooms} onSaved={recorded} onCancel={() => setAdding(false)} />
      )}
      {items !== null && (
        items.length === 0
          ? <p>{t('admin_consult.none')}</p>
          : (
            <div role="list" aria-label={t('admin_consult.list_label')}>
              {items.map((item) => (
                <div role="listitem" key={item.id}>
                  {editing === item.id
                    ? <ConsultationForm family_id={family.id} rooms={rooms} editing={item} onSaved={saved}
                      onCancel={() => setEditing(null)} />
                    : <ConsultationItem item={item} onEdit={() => setEditing(item.id)} />}
                </div>
              ))}
            </div>
          )
      )}
      {isAdmin(user) && <ConsultationHistory family_id={family.id} version={version} />}
    </section>
  );
}
