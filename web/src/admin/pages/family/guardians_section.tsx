// The guardians of a family (name with furigana, relation, e-mail, own phone as a tel:
// link, login): edit one, reset one's password, invite another.
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import type { Family, Guardian } from '../../../shared/types';
import { Outcome, useAction } from '../../../shared/action';
import { Button } from '../../../shared/ui/feedback';
import { Table } from '../../../shared/ui/table';
import type { IssuedLogin } from '../../credentials_panel';
import { GuardianFields, guardianInput, guardianPatch, kNoGuardian, type GuardianDraft } from '../../people_fields';
import { api } from '../../../shared/session';
import { DraftForm } from './draft_form';

interface Props {
  family: Family;
  onChanged: () => void;
  onIssued: (logins: IssuedLogin[]) => void;
}

const draftOf = (g: Guardian): GuardianDraft => ({
  name: g.name, name_kana: g.name_kana ?? '', email: g.email ?? '', phone: g.phone ?? '', relation: g.relation ?? '',
});

/** A phone number as a link that calls it. */
export function PhoneLink({ phone }: { phone: string | null }) {
  return phone ? <a href={`tel:${phone.replace(/\s/g, '')}`}>{phone}</a> : null;
}

export function GuardiansSection({ family, onChanged, onIssued }: Props) {
  const [editing, setEditing] = useState<string | null>(null); // guardian id, or "new"
  const action = useAction();

  const reset = async (g: Guardian) => {
    if (!window.confirm(t('guardian.reset_confirm', { name: g.name }))) return;
    await action.run(async () => {
      const { login, initial_password } = await api.resetGuardianPassword(g.id);
      onIssued([{ name: g.name, login, initial_password }]);
    });
  };
  const editing_guardian = family.guardians.find((g) => g.id === editing);

  return (
    <section aria-labelledby="guardians">
      <h2 id="guardians">{t('family.guardians')}</h2>
      <Outcome of={action} />
      <Table labelledBy="guardians" rows={family.guardians} rowKey={(g) => g.id} columns={[
        {
          header: t('guardian.name'),
          cell: (g) => <>{g.name}{g.name_kana && <div class="meta">{g.name_kana}</div>}</>,
        },
        { header: t('guardian.relation'), cell: (g) => g.relation },
        { header: t('guardian.email'), cell: (g) => g.email },
        { header: t('admin_guardian.phone'), cell: (g) => <PhoneLink phone={g.phone} /> },
        { header: t('guardian.login'), cell: (g) => <code>{g.login}</code> },
        {
          header: t('common.actions'), class: 'no-print',
          cell: (g) => (
            <>
              <Button variant="link" onClick={() => setEditing(g.id)} label={`${t('common.edit')}: ${g.name}`}>
                {t('common.edit')}
              </Button>
              <Button variant="link" onClick={() => void reset(g)} label={`${t('guardian.reset_password')}: ${g.name}`}>
                {t('guardian.reset_password')}
              </Button>
            </>
          ),
        },
      ]} />
      {editing_guardian && (
        <DraftForm key={editing_guardian.id} title={`${t('common.edit')}: ${editing_guardian.name}`}
          initial={draftOf(editing_guardian)}
          Fields={GuardianFields} submitLabel={t('common.save')} onCancel={() => setEditing(null)}
          submit={async (d) => {
            await api.updateGuardian(editing_guardian.id, guardianPatch(d));
            setEditing(null);
            onChanged();
          }} />
      )}
      {editing === 'new' ? (
        <DraftForm title={t('guardian.invite')} initial={kNoGuardian} Fields={GuardianFields}
          submitLabel={t('guardian.invite')} onCancel={() => setEditing(null)}
          submit={async (d) => {
            const invited = await api.inviteGuardian(family.id, guardianInput(d));
            setEditing(null);
            onIssued([{ name: invited.guardian.name, login: invited.login, initial_password: invited.initial_password }]);
            onChanged();
          }} />
      ) : (
        <Button variant="secondary" onClick={() => setEditing('new')}>{t('guardian.invite')}</Button>
      )}
    </section>
  );
}
