// What the parent types into the pre-registration form (a draft: every field a string,
// each guardian and child with a key of its own for the list), the empty draft, and the
// request body made from it (trimmed, empty optional fields left out).
import type { RegistrationForm, RegistrationInput } from './register_api';

export interface GuardianDraft {
  key: number;
  name: string;
  name_kana: string;
  relation: string;
  email: string;
  phone: string;
}

export interface ChildDraft {
  key: number;
  name: string;
  name_kana: string;
  birth_date: string;
}

export interface RegistrationDraft {
  family_name: string;
  address: string;
  phone: string;
  email: string;
  guardians: GuardianDraft[];
  children: ChildDraft[];
  consent: boolean;
  /** The honeypot field "website": people never see it, so it stays empty. */
  website: string;
}

export const kMaxGuardians = 10;
export const kMaxChildren = 20;

let next_key = 0;

export const newGuardian = (): GuardianDraft =>
  ({ key: ++next_key, name: '', name_kana: '', relation: '', email: '', phone: '' });

export const newChild = (): ChildDraft => ({ key: ++next_key, name: '', name_kana: '', birth_date: '' });

export function emptyDraft(): RegistrationDraft {
  return {
    family_name: '', address: '', phone: '', email: '',
    guardians: [newGuardian()], children: [newChild()], consent: false, website: '',
  };
}

/** `text` trimmed, or nothing when it is empty (an optional field left out). */
function optional<K extends string>(key: K, text: string): Partial<Record<K, string>> {
  const trimmed = text.trim();
  return trimmed ? ({ [key]: trimmed } as Record<K, string>) : {};
}

/** The body of POST /api/v1/registrations for `draft` on `form`. */
export function registrationInput(form: RegistrationForm, draft: RegistrationDraft): RegistrationInput {
  return {
    organization_id: form.organization.id,
    form_token: form.form_token,
    website: draft.website,
    family_name: draft.family_name.trim(),
    ...optional('address', draft.address),
    phone: draft.phone.trim(),
    ...optional('email', draft.email),
    guardians: draft.guardians.map((g) => ({
      name: g.name.trim(),
      ...optional('name_kana', g.name_kana),
      ...optional('relation', g.relation),
      ...optional('email', g.email),
      ...optional('phone', g.phone),
    })),
    children: draft.children.map((c) => ({ name: c.name.trim(), ...optional('name_kana', c.name_kana), birth_date: c.birth_date })),
    // The checkbox is required, so a sent form has it checked; the server checks again.
    consent: draft.consent as true,
  };
}
