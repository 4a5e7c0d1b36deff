// Registering a family: its guardians and children (rows added and removed freely)
// and the facilities to enroll at. On success the issued logins and initial passwords
// are shown once.
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { NewFamily } from '../../shared/types';
import { Button, ErrorMessage } from '../../shared/ui/feedback';
import { CheckboxGroup, namedOptions } from '../../shared/ui/fields';
import { CredentialsPanel } from '../credentials_panel';
import { useFacilities } from '../data';
import { useSubmit } from '../form';
import { PageHead } from '../layout';
import {
  ChildFields, childInput, FamilyFields, GuardianFields, guardianInput, kNoChild, kNoGuardian,
  type ChildDraft, type FamilyDraft, type GuardianDraft,
} from '../people_fields';
import { go } from '../router';
import { api, useSession } from '../../shared/session';

const kMaxGuardians = 10;
const kMaxChildren = 20;

function replaceAt<T>(list: T[], index: number, value: T): T[] {
  return list.map((old, i) => (i === index ? value : old));
}

export function FamilyNew() {
  const { user } = useSession();
  const facilities = useFacilities();
  const [about, setAbout] = useState<FamilyDraft>({ name: '', address: '', phone: '' });
  const [guardians, setGuardians] = useState<GuardianDraft[]>([kNoGuardian]);
  const [children, setChildren] = useState<ChildDraft[]>([kNoChild]);
  const [facility_ids, setFacilityIds] = useState<string[]>(user.facility_ids?.length === 1 ? user.facility_ids : []);
  const [created, setCreated] = useState<NewFamily | null>(null);
  const form = useSubmit();

  if (created) {
    return (
      <>
        <PageHead title={t('family.new')} />
        <CredentialsPanel family={created.name} logins={created.guardians}
          onDone={() => go(`/families/${encodeURIComponent(created.id)}`, true)} />
      </>
    );
  }

  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      setCreated(await api.createFamily({
        name: about.name.trim(),
        ...(about.address.trim() ? { address: about.address.trim() } : {}),
        ...(about.phone.trim() ? { phone: about.phone.trim() } : {}),
        guardians: guardians.map(guardianInput),
        children: children.map(childInput),
        ...(facility_ids.length ? { facility_ids } : {}),
      }));
    });
  };

  return (
    <>
      <PageHead title={t('family.new')} />
      <form ref={form.form_ref} onSubmit={submit} noValidate>
        <ErrorMessage>{form.errors.message}</ErrorMessage>
        <div class="card">
          <FamilyFields value={about} onChange={setAbout} error={form.field} />
        </div>
        <h2>{t('family.guardians')}</h2>
        {guardians.map((g, i) => (
          <fieldset key={i} class="card">
            <legend>{t('guardian.heading', { n: i + 1 })}</legend>
            <GuardianFields prefix={`guardians[${i}].`} value={g} error={form.field}
              onChange={(v) => setGuardians(replaceAt(guardians, i, v))} />
            {guardians.length > 1 && (
              <Button variant="danger" onClick={() => setGuardians(guardians.filter((_, j) => j !== i))}>
                {t('guardian.remove', { n: i + 1 })}
              </Button>
            )}
          </fieldset>
        ))}
        {guardians.length < kMaxGuardians && (
          <Button variant="secondary" onClick={() => setGuardians([...guardians, kNoGuardian])}>
            {t('guardian.add')}
          </Button>
        )}
        <h2>{t('family.children')}</h2>
        {children.map((c, i) => (
          <fieldset key={i} class="card">
            <legend>{t('child.heading', { n: i + 1 })}</legend>
            <ChildFields prefix={`children[${i}].`} value={c} error={form.field}
              onChange={(v) => setChildren(replaceAt(children, i, v))} />
            <Button variant="danger" onClick={() => setChildren(children.filter((_, j) => j !== i))}>
              {t('child.remove', { n: i + 1 })}
            </Button>
          </fieldset>
        ))}
        {children.length < kMaxChildren && (
          <Button variant="secondary" onClick={() => setChildren([...children, kNoChild])}>{t('child.add')}</Button>
        )}
        <h2>{t('family.enrollments')}</h2>
        <CheckboxGroup legend={t('family.facilities')} name="facility_ids" selected={facility_ids}
          options={namedOptions(facilities.data)}
          onSelected={setFacilityIds} error={form.field('facility_ids')} />
        <div class="actions">
          <Button type="submit" busy={form.busy}>{t('common.create')}</Button>
          <Button variant="secondary" onClick={() => go('/families')}>{t('common.cancel')}</Button>
        </div>
      </form>
    </>
  );
}
