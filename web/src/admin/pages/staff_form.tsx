// Creating (no id) or editing (id) a staff member. The login and initial password
// are set only at creation; the member must change the password at first sign-in.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../shared/api';
import { t } from '../../shared/i18n';
import type { StaffInput } from '../../shared/types';
import { Button, ErrorMessage } from '../../shared/ui/feedback';
import { CheckboxGroup, namedOptions, SelectField, TextField } from '../../shared/ui/fields';
import { fetchAll, useFacilities, useLoad } from '../data';
import { useSubmit } from '../form';
import { kStaffRoles, roleLabel } from '../labels';
import { PageHead } from '../layout';
import { go, Link } from '../router';
import { api } from '../../shared/session';
import { LoadStatus } from '../status';

const kEmpty: StaffInput = { login: '', name: '', password: '', role: 'facility_staff', facility_ids: [] };

async function findStaff(id: string): Promise<StaffInput> {
  const all = await fetchAll((cursor) => api.listStaff({ limit: 200, cursor }));
  const found = all.find((s) => s.id === id);
  if (!found) throw new ApiError(404, { error: { code: 'not_found', message: 'not found' } });
  return { ...found, password: '' };
}

export function StaffForm({ id }: { id?: string }) {
  const loaded = useLoad(() => (id ? findStaff(id) : Promise.resolve(kEmpty)), [id]);
  const facilities = useFacilities();
  const [value, setValue] = useState<StaffInput | null>(null);
  useEffect(() => setValue(loaded.data), [loaded.data]);
  const form = useSubmit();
  const title = id ? t('staff.edit_title') : t('staff.new');

  if (!value) return <><PageHead title={title} /><LoadStatus loaded={loaded} /></>;
  const set = (patch: Partial<StaffInput>) => setValue({ ...value, ...patch });
  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      const { login, name, password, role, facility_ids } = value;
      if (id) await api.updateStaff(id, { name: name.trim(), role, facility_ids });
      else await api.createStaff({ login: login.trim(), name: name.trim(), password, role, facility_ids });
      go('/staff');
    });
  };

  return (
    <>
      <PageHead title={title} />
      <form ref={form.form_ref} onSubmit={submit} noValidate class="card">
        <ErrorMessage>{form.errors.message}</ErrorMessage>
        <TextField label={t('staff.name')} name="name" value={value.name} required maxLength={100}
          onValue={(name) => set({ name })} error={form.field('name')} />
        {id ? (
          <p><strong>{t('staff.login')}:</strong> {value.login}</p>
        ) : (
          <>
            <TextField label={t('staff.login')} name="login" value={value.login} required
              hint={t('staff.login_hint')} autoComplete="off" onValue={(login) => set({ login })}
              error={form.field('login')} />
            <TextField label={t('staff.password')} name="password" type="password" value={value.password}
              required hint={t('staff.password_hint')} autoComplete="new-password"
              onValue={(password) => set({ password })} error={form.field('password')} />
          </>
        )}
        <SelectField label={t('staff.role')} name="role" value={value.role} required
          options={kStaffRoles.map((r) => ({ value: r, label: roleLabel(r) }))}
          onValue={(role) => set({ role })} error={form.field('role')} />
        <LoadStatus loaded={facilities} />
        <CheckboxGroup legend={t('staff.facilities')} name="facility_ids" selected={value.facility_ids}
          options={namedOptions(facilities.data)}
          onSelected={(facility_ids) => set({ facility_ids })} error={form.field('facility_ids')} />
        <div class="actions">
          <Button type="submit" busy={form.busy}>{id ? t('common.save') : t('common.create')}</Button>
          <Link to="/staff" class="btn btn--secondary">{t('common.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
