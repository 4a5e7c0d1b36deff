// 家族: the family's guardians (the signed-in one edits their own contact details,
// ./own_details; the others are shown), each child's settings (going home alone, allergy
// and medical needs: ./child_settings), and inviting another guardian (a grandparent, a
// partner), who gets a login of their own and an initial password shown here once, to pass
// on. Every guardian sees the same children and gets the notifications.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { Family, Guardian, InvitedGuardian } from '../../shared/types';
import { Button, ErrorMessage, Loading } from '../../shared/ui/feedback';
import { TextField } from '../../shared/ui/fields';
import { useLoad } from '../../shared/data';
import { errorText, useSubmit } from '../../shared/form';
import { PageHead } from '../layout';
import { ChildSettings } from './child_settings';
import { GuardianLine, OwnDetailsForm } from './own_details';
import { api, useSession } from '../../shared/session';

export function FamilyPage() {
  const { user } = useSession();
  const family_id = user.family_id ?? '';
  const family = useLoad(() => api.getFamily(family_id), [family_id]);
  const [invited, setInvited] = useState<InvitedGuardian | null>(null);

  return (
    <>
      <PageHead title={t('parent.family_title')} />
      {family.error !== null && <ErrorMessage>{errorText(family.error)}</ErrorMessage>}
      {family.data === null && family.error === null && <Loading label={t('common.loading')} />}
      {family.data && <FamilyDetails family={family.data} me_id={user.id} onFamily={family.set} />}
      {invited ? (
        <InvitedPanel invited={invited} onDone={() => { setInvited(null); family.reload(); }} />
      ) : (
        <InviteForm family_id={family_id} onInvited={(g) => { setInvited(g); family.reload(); }} />
      )}
    </>
  );
}

function FamilyDetails({ family, me_id, onFamily }: { family: Family; me_id: string; onFamily: (f: Family) => void }) {
  const me = family.guardians.find((g) => g.id === me_id);
  const setGuardian = (g: Guardian) => onFamily({ ...family, guardians: family.guardians.map((x) => (x.id === g.id ? g : x)) });
  return (
    <>
      <section aria-labelledby="guardians-title">
        <h2 id="guardians-title">{t('family.guardians')}</h2>
        <ul class="pa-people">
          {family.guardians.map((g) => <GuardianLine key={g.id} guardian={g} me={g.id === me_id} />)}
        </ul>
      </section>
      {me && <OwnDetailsForm me={me} onSaved={setGuardian} />}
      {family.children.length > 0 && (
        <section aria-labelledby="children-settings-title">
          <h2 id="children-settings-title">{t('parent.child_settings.title')}</h2>
          <p>{t('parent.child_settings.intro')}</p>
          {family.children.map((c) => (
            <ChildSettings key={c.id} child={c}
              onChanged={(changed) => onFamily({ ...family, children: family.children.map((x) => (x.id === changed.id ? changed : x)) })} />
          ))}
        </section>
      )}
    </>
  );
}

function InviteForm({ family_id, onInvited }: { family_id: string; onInvited: (g: InvitedGuardian) => void }) {
  const [name, setName] = useState('');
  const [relation, setRelation] = useState('');
  const [email, setEmail] = useState('');
  const form = useSubmit();
  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      const invited = await api.inviteGuardian(family_id, {
        name: name.trim(),
        relation: relation.trim() || null,
        email: email.trim() || null,
      });
      setName('');
      setRelation('');
      setEmail('');
      onInvited(invited);
    });
  };
  return (
    <form ref={form.form_ref} class="card" onSubmit={submit} noValidate aria-labelledby="invite-title">
      <h2 id="invite-title">{t('guardian.invite')}</h2>
      <p>{t('parent.invite_intro')}</p>
      <ErrorMessage>{form.errors.message}</ErrorMessage>
      <TextField label={t('guardian.name')} name="name" value={name} onValue={setName} required
        autoComplete="off" error={form.field('name')} />
      <TextField label={t('guardian.relation')} name="relation" value={relation} onValue={setRelation}
        hint={t('parent.invite_relation_hint')} error={form.field('relation')} />
      <TextField label={t('guardian.email')} name="email" type="email" value={email} onValue={setEmail}
        hint={t('parent.invite_email_hint')} autoComplete="off" error={form.field('email')} />
      <div class="form-submit"><Button type="submit" busy={form.busy}>{t('parent.invite_submit')}</Button></div>
    </form>
  );
}

function InvitedPanel({ invited, onDone }: { invited: InvitedGuardian; onDone: () => void }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section class="card credentials" aria-labelledby="invited-title" tabIndex={-1} ref={ref}>
      <h2 id="invited-title">{t('parent.invited_title', { name: invited.guardian.name })}</h2>
      <p class="warning">{t('parent.invited_warning', { name: invited.guardian.name })}</p>
      <dl class="pa-credentials">
        <dt>{t('credentials.login')}</dt>
        <dd><code class="login">{invited.login}</code></dd>
        <dt>{t('credentials.password')}</dt>
        <dd><code class="initial-password">{invited.initial_password}</code></dd>
        <dt>{t('parent.invited_address')}</dt>
        <dd><code>{`${location.origin}/app/`}</code></dd>
      </dl>
      <div class="actions">
        <Button onClick={onDone}>{t('credentials.done')}</Button>
      </div>
    </section>
  );
}
