// Error reasons (docs/decisions/0008): the catalogue the binary knows is the one
// docs/openapi.yaml lists; the shared API client carries the answer's reasons
// (ApiError.reason, fieldReasons and fieldParams come from the server's real answers), the
// kiosk's refusals name their reason, and the client says each of them in Japanese and
// English by reason, not by text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ApiError, newClientId } from '../../web/src/shared/api';
import { errorText, fieldText } from '../../web/src/shared/form';
import { setLang } from '../../web/src/shared/i18n';
import { kReasonTexts } from '../../web/src/shared/i18n/reasons';
import {
  REPO_ROOT,
  enrolledFamily,
  expectApiError,
  facilityInput,
  knownReasons,
  newSite,
  startServer,
  type TestApi,
  type TestServer,
} from '../support';

let server: TestServer;
let admin: TestApi;

beforeAll(async () => {
  server = await startServer();
  admin = await server.login();
});
afterAll(async () => {
  setLang('ja');
  await server?.close();
});

describe('the catalogue', () => {
  it('docs/openapi.yaml lists exactly the reasons of `tadaima reasons`', () => {
    const doc = parse(readFileSync(join(REPO_ROOT, 'docs', 'openapi.yaml'), 'utf8'));
    const listed: string[] = doc.components.schemas.ErrorReason.enum;
    expect([...listed].sort()).toEqual([...knownReasons()].sort());
  });
});

describe('ApiError', () => {
  it('carries the reason of one bad field, its field reason and its params', async () => {
    const err = await expectApiError(admin.createFacility(facilityInput({ name: 'あ'.repeat(101) })), 400, 'invalid_argument');
    expect(err.reason).toBe('too_long');
    expect(err.fieldReasons).toEqual({ name: 'too_long' });
    expect(err.fieldParams).toEqual({ name: { max: '100' } });
    setLang('ja');
    expect(fieldText(err, 'name')).toBe('100文字以内で入力してください。');
    setLang('en');
    expect(fieldText(err, 'name')).toBe('must be at most 100 characters');
    expect(fieldText(err, 'name')).toBe(err.fields.name);
  });

  it('says invalid_fields for several, with a reason for every field', async () => {
    const err = await expectApiError(admin.createFacility(facilityInput({ name: '', opens_at: '25:00' })), 400);
    expect(err.reason).toBe('invalid_fields');
    expect(Object.keys(err.fieldReasons).sort()).toEqual(Object.keys(err.fields).sort());
    for (const r of Object.values(err.fieldReasons)) expect(Object.keys(kReasonTexts)).toContain(r);
  });

  it('a choice names its choices', async () => {
    const err = await expectApiError(admin.createFacility({ ...facilityInput(), kind: 'school' as any }), 400);
    expect(err.fieldReasons.kind).toBe('not_a_choice');
    expect(err.fieldParams.kind).toEqual({ choices: 'after_school,drop_in,nursery' });
  });

  it('keeps its reason when the text names the child', async () => {
    const site = await newSite(server, admin);
    const { child } = await enrolledFamily(server, site.staff, [site.facility.id]);
    const err = await expectApiError(
      site.staff.stamp({ facility_id: site.facility.id, client_id: newClientId(), child_id: child.id, direction: 'out' }),
      409,
    );
    expect(err.reason).toBe('not_here');
    expect(err.message).toContain(child.name);
  });

  it('carries the code\'s name when nothing more specific applies', async () => {
    const err = await expectApiError(admin.getFamily('no-such-family'), 404, 'not_found');
    expect(err.reason).toBe('not_found');
    expect(err.fieldReasons).toEqual({});
    setLang('ja');
    expect(errorText(err)).toBe('見つかりません。');
  });

  it('signing in with a wrong password: bad_credentials, said by reason', async () => {
    const err = await expectApiError(server.api().login(server.admin.login, 'not-the-password'), 401, 'unauthenticated');
    expect(err.reason).toBe('bad_credentials');
    const anonymous = await expectApiError(server.api().listFacilities(), 401);
    expect(anonymous.reason).toBe('sign_in_required');
    setLang('en');
    expect(errorText(err, { bad_credentials: 'error.bad_credentials' })).toBe('Wrong login or password.');
  });
});

describe('the kiosk\'s refusals', () => {
  it('name not_code and credential_replaced on the credential field', async () => {
    const site = await newSite(server, admin);
    const { child } = await enrolledFamily(server, site.staff, [site.facility.id]);
    const stamp = (credential: string) => site.kiosk.stamp({ facility_id: site.facility.id, client_id: newClientId(), credential });

    const foreign = await expectApiError(stamp('https://example.com/not-ours'), 400);
    expect(foreign.fieldReasons.credential).toBe('not_code');

    const old = (await site.staff.childCredential(child.id)).text;
    await site.staff.reissueChildCredential(child.id);
    const replaced = await expectApiError(stamp(old), 400);
    expect(replaced).toBeInstanceOf(ApiError);
    expect(replaced.fieldReasons.credential).toBe('credential_replaced');
    setLang('ja');
    expect(fieldText(replaced, 'credential')).toBe('新しいカードが発行されたため、使えません。');
  });
});
