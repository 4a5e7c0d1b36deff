// Error reasons (docs/decisions/0008): the catalogue the binary knows is the one
// docs/openapi.yaml lists, and answers carry the reasons clients act on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  REPO_ROOT,
  clientId,
  expectApiError,
  facilityInput,
  familyInput,
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
afterAll(async () => server?.close());

function errorOf(e: { body: unknown }): any {
  return (e.body as any).error;
}

describe('the catalogue', () => {
  it('docs/openapi.yaml lists exactly the reasons of `tadaima reasons`', () => {
    const doc = parse(readFileSync(join(REPO_ROOT, 'docs', 'openapi.yaml'), 'utf8'));
    const listed: string[] = doc.components.schemas.ErrorReason.enum;
    expect([...listed].sort()).toEqual([...knownReasons()].sort());
  });
});

describe('answers carry the reason', () => {
  it('a wrong password is bad_credentials, a missing session sign_in_required', async () => {
    const e = await expectApiError(server.api().login(server.admin.login, 'not-the-password'), 401);
    expect(errorOf(e).reason).toBe('bad_credentials');
    const anonymous = await expectApiError(server.api().listFacilities(), 401);
    expect(errorOf(anonymous).reason).toBe('sign_in_required');
  });

  it('a field with a limit names it in field_params', async () => {
    const e = await expectApiError(admin.createFacility(facilityInput({ name: 'x'.repeat(101) })), 400);
    expect(errorOf(e).field_reasons.name).toBe('too_long');
    expect(errorOf(e).field_params.name).toEqual({ max: '100' });
  });

  it('several bad fields: invalid_fields, each field with its own reason', async () => {
    const e = await expectApiError(
      admin.createFamily(familyInput({ name: '', children: [{ name: 'x', name_kana: '漢字', birth_date: '2020-01-01' }] })),
      400,
    );
    expect(errorOf(e).reason).toBe('invalid_fields');
    expect(errorOf(e).field_reasons).toMatchObject({ name: 'empty', 'children[0].name_kana': 'not_kana' });
  });

  it('a choice names its choices', async () => {
    const e = await expectApiError(admin.createFacility({ ...facilityInput(), kind: 'school' as any }), 400);
    expect(errorOf(e).field_reasons.kind).toBe('not_a_choice');
    expect(errorOf(e).field_params.kind).toEqual({ choices: 'after_school,drop_in,nursery' });
  });

  it('a kiosk is told by reason why a code is refused', async () => {
    const site = await newSite(server, admin);
    const e = await expectApiError(
      site.kiosk.stamp({ facility_id: site.facility.id, client_id: clientId(), credential: 'hello' }),
      400,
    );
    expect(errorOf(e)).toMatchObject({ reason: 'not_code', field_reasons: { credential: 'not_code' } });
  });

  it('a reason stays when its text names the child', async () => {
    const site = await newSite(server, admin);
    const fam = await site.staff.createFamily(familyInput({ facility_ids: [site.facility.id] }));
    const child = fam.children[0];
    const e = await expectApiError(
      site.staff.stamp({ facility_id: site.facility.id, client_id: clientId(), child_id: child.id, direction: 'out' }),
      409,
    );
    expect(errorOf(e).reason).toBe('not_here');
    expect(errorOf(e).message).toContain(child.name);
  });
});
