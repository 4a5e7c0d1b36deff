// Public pre-registrations sent the way a family's phone sends them: the form
// fetched, the test clock moved past the form's minimum fill time, the form posted.

import type { RegistrationInput } from '../../web/src/shared/types';
import { uid } from './fixtures';
import type { TestServer } from './server';

/** A valid form for `organizationId` (two guardians, two children) with `over` on top. */
export function registrationInput(organizationId: string, formToken: string, over: Partial<RegistrationInput> = {}): RegistrationInput {
  const tag = uid();
  return {
    organization_id: organizationId,
    form_token: formToken,
    family_name: `佐藤家 ${tag}`,
    address: '大分市荷揚町2-31',
    phone: `097-${String(100 + (Number.parseInt(tag, 16) % 900))}-${String(1000 + Math.floor(Math.random() * 9000))}`,
    email: `sato.${tag}@example.jp`,
    guardians: [
      { name: `佐藤 美咲 ${tag}`, name_kana: 'さとう みさき', relation: '母', email: `misaki.${tag}@example.jp` },
      { name: `佐藤 健 ${tag}`, name_kana: 'さとう けん', relation: '父' },
    ],
    children: [
      { name: `佐藤 陽菜 ${tag}`, name_kana: 'さとう ひな', birth_date: '2025-04-12' },
      { name: `佐藤 蓮 ${tag}`, name_kana: 'さとう れん', birth_date: '2022-11-03' },
    ],
    consent: true,
    ...over,
  };
}

/** GET /registrations/form: the token and the rooms (anyone). */
export async function registrationForm(server: TestServer, organizationId: string) {
  const res = await server.api().request('GET', `/api/v1/registrations/form?organization_id=${encodeURIComponent(organizationId)}`);
  if (res.status !== 200) throw new Error(`form: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { organization: { id: string; name: string }; form_token: string; min_fill_seconds: number; rooms: { id: string; name: string }[] };
}

/** Fetches the form, moves the clock past its minimum fill time, sends it; the raw answer. */
export async function sendRegistration(server: TestServer, organizationId: string, over: Partial<RegistrationInput> = {}) {
  const form = await registrationForm(server, organizationId);
  await server.advanceClock((form.min_fill_seconds + 1) * 1000);
  const input = registrationInput(organizationId, form.form_token, over);
  const res = await server.api().request('POST', '/api/v1/registrations', input);
  return { res, input };
}

/** sendRegistration that must be accepted: the id. */
export async function submitRegistration(server: TestServer, organizationId: string, over: Partial<RegistrationInput> = {}) {
  const { res, input } = await sendRegistration(server, organizationId, over);
  if (res.status !== 201) throw new Error(`registration: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.registration.id as string, input };
}
