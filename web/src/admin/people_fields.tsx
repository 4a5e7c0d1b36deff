// The input fields of a family (name, address, phone), of one guardian (name, furigana,
// relation, e-mail, own phone) and of one child.
// `prefix` is prepended to the field names so that server errors such as
// "guardians[1].email" land on them.
import { t } from '../shared/i18n';
import { TextField } from '../shared/ui/fields';

export interface FamilyDraft {
  name: string;
  address: string;
  phone: string;
}
export interface GuardianDraft {
  name: string;
  name_kana: string;
  email: string;
  phone: string;
  relation: string;
}
export interface ChildDraft {
  name: string;
  name_kana: string;
  birth_date: string;
}

export const kNoGuardian: GuardianDraft = { name: '', name_kana: '', email: '', phone: '', relation: '' };
export const kNoChild: ChildDraft = { name: '', name_kana: '', birth_date: '' };

/** The body of a guardian for the API: empty optional fields are left out. */
export function guardianInput(d: GuardianDraft) {
  return {
    name: d.name.trim(),
    ...(d.name_kana.trim() ? { name_kana: d.name_kana.trim() } : {}),
    ...(d.email.trim() ? { email: d.email.trim() } : {}),
    ...(d.phone.trim() ? { phone: d.phone.trim() } : {}),
    ...(d.relation.trim() ? { relation: d.relation.trim() } : {}),
  };
}

/** A guardian's draft as the API's patch: every field given, an emptied one as null. */
export function guardianPatch(d: GuardianDraft) {
  const orNull = (text: string) => text.trim() || null;
  return {
    name: d.name.trim(), name_kana: orNull(d.name_kana), email: orNull(d.email),
    phone: orNull(d.phone), relation: orNull(d.relation),
  };
}

export function childInput(d: ChildDraft) {
  return {
    name: d.name.trim(),
    ...(d.name_kana.trim() ? { name_kana: d.name_kana.trim() } : {}),
    birth_date: d.birth_date,
  };
}

interface FieldsProps<D> {
  prefix: string;
  value: D;
  onChange: (value: D) => void;
  error: (name: string) => string | undefined;
}

/** A family's name (required), address and phone. */
export function FamilyFields({ value, onChange, error }: Omit<FieldsProps<FamilyDraft>, 'prefix'>) {
  const set = (patch: Partial<FamilyDraft>) => onChange({ ...value, ...patch });
  return (
    <>
      <TextField label={t('family.name')} name="name" value={value.name} onValue={(name) => set({ name })} required
        maxLength={100} autoComplete="off" error={error('name')} />
      <div class="row">
        <TextField label={t('family.address')} name="address" value={value.address}
          onValue={(address) => set({ address })} autoComplete="off" error={error('address')} />
        <TextField label={t('family.phone')} name="phone" type="tel" value={value.phone}
          onValue={(phone) => set({ phone })} autoComplete="off" error={error('phone')} />
      </div>
    </>
  );
}

export function GuardianFields({ prefix, value, onChange, error }: FieldsProps<GuardianDraft>) {
  const set = (patch: Partial<GuardianDraft>) => onChange({ ...value, ...patch });
  return (
    <>
      <div class="row">
        <TextField label={t('guardian.name')} name={`${prefix}name`} value={value.name} required
          maxLength={100} autoComplete="off" onValue={(name) => set({ name })} error={error(`${prefix}name`)} />
        <TextField label={t('admin_guardian.name_kana')} name={`${prefix}name_kana`} value={value.name_kana}
          maxLength={100} autoComplete="off" onValue={(name_kana) => set({ name_kana })} error={error(`${prefix}name_kana`)} />
        <TextField label={t('guardian.relation')} name={`${prefix}relation`} value={value.relation}
          autoComplete="off" onValue={(relation) => set({ relation })} error={error(`${prefix}relation`)} />
      </div>
      <div class="row">
        <TextField label={t('guardian.email')} name={`${prefix}email`} type="email" value={value.email}
          autoComplete="off" onValue={(email) => set({ email })} error={error(`${prefix}email`)} />
        <TextField label={t('admin_guardian.phone')} name={`${prefix}phone`} type="tel" value={value.phone}
          maxLength={20} autoComplete="off" hint={t('admin_guardian.phone_hint')} onValue={(phone) => set({ phone })} error={error(`${prefix}phone`)} />
      </div>
    </>
  );
}

export function ChildFields({ prefix, value, onChange, error }: FieldsProps<ChildDraft>) {
  const set = (patch: Partial<ChildDraft>) => onChange({ ...value, ...patch });
  return (
    <div class="row">
      <TextField label={t('child.name')} name={`${prefix}name`} value={value.name} required maxLength={100}
        autoComplete="off" onValue={(name) => set({ name })} error={error(`${prefix}name`)} />
      <TextField label={t('child.name_kana')} name={`${prefix}name_kana`} value={value.name_kana}
        autoComplete="off" onValue={(name_kana) => set({ name_kana })} error={error(`${prefix}name_kana`)} />
      <TextField label={t('child.birth_date')} name={`${prefix}birth_date`} type="date" required
        value={value.birth_date} onValue={(birth_date) => set({ birth_date })}
        error={error(`${prefix}birth_date`)} />
    </div>
  );
}
