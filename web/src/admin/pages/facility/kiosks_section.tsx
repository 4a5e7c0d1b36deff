// The check-in devices (kiosks) of a facility: pair a new one — its token is shown here
// once (./token_panel: the /kiosk/#token=… link, its QR code and a copy button) — list
// them, revoke one (its token stops working at once).
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import type { NewKiosk } from '../../../shared/types';
import { Outcome, useAction } from '../../../shared/action';
import { Button, ErrorMessage } from '../../../shared/ui/feedback';
import { TextField } from '../../../shared/ui/fields';
import { Table } from '../../../shared/ui/table';
import { calendarDate, clockTime } from '../../../shared/ui/time';
import { fetchAll, useLoad } from '../../data';
import { useSubmit } from '../../form';
import { api } from '../../../shared/session';
import { LoadStatus } from '../../status';
import { TokenPanel } from './token_panel';

function when(iso: string | null): string {
  return iso ? `${calendarDate(iso)} ${clockTime(iso)}` : t('kiosks.never');
}

export function KiosksSection({ facility_id }: { facility_id: string }) {
  const kiosks = useLoad(() => fetchAll((cursor) => api.listKiosks(facility_id, { limit: 200, cursor })), [facility_id]);
  const [created, setCreated] = useState<NewKiosk | null>(null);
  const [name, setName] = useState('');
  const action = useAction();
  const form = useSubmit();

  const create = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      setCreated(await api.createKiosk(facility_id, name.trim()));
      setName('');
      kiosks.reload();
    });
  };
  const revoke = async (id: string, kiosk_name: string) => {
    if (!window.confirm(t('kiosks.revoke_confirm', { name: kiosk_name }))) return;
    await action.run(async () => {
      await api.revokeKiosk(id);
      kiosks.reload();
    });
  };

  return (
    <section aria-labelledby="kiosks">
      <h2 id="kiosks">{t('kiosks.title')}</h2>
      <p class="hint">{t('kiosks.intro')}</p>
      {created && <TokenPanel created={created} onDone={() => setCreated(null)} />}
      <Outcome of={action} />
      <LoadStatus loaded={kiosks} />
      {kiosks.data && (
        <Table labelledBy="kiosks" rows={kiosks.data} rowKey={(k) => k.id} empty={t('common.none')} columns={[
          { header: t('kiosks.name'), cell: (k) => k.name },
          { header: t('kiosks.created_at'), cell: (k) => when(k.created_at) },
          { header: t('kiosks.last_seen'), cell: (k) => when(k.last_seen_at) },
          {
            header: t('common.actions'),
            cell: (k) => (
              <Button variant="danger" onClick={() => void revoke(k.id, k.name)}
                label={t('kiosks.revoke_label', { name: k.name })}>{t('kiosks.revoke')}</Button>
            ),
          },
        ]} />
      )}
      <form ref={form.form_ref} onSubmit={create} noValidate class="card" aria-label={t('kiosks.create')}>
        <ErrorMessage>{form.errors.message}</ErrorMessage>
        <div class="row row--end">
          <TextField label={t('kiosks.name')} name="name" value={name} required maxLength={100}
            hint={t('kiosks.name_hint')} onValue={setName} error={form.field('name')} />
          <div class="field"><Button type="submit" busy={form.busy}>{t('kiosks.create')}</Button></div>
        </div>
      </form>
    </section>
  );
}
