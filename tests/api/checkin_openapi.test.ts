// The check-in endpoints (issue 3) are registered by the binary and described in
// docs/openapi.yaml (openapi.test.ts checks that the two sets are equal).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BINARY, REPO_ROOT } from '../support';

const norm = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`;

const CHECKIN = [
  'POST /api/v1/facilities/{id}/kiosks',
  'GET /api/v1/facilities/{id}/kiosks',
  'DELETE /api/v1/kiosks/{id}',
  'GET /api/v1/kiosk/me',
  'GET /api/v1/children/{id}/credential',
  'POST /api/v1/children/{id}/credential',
  'GET /api/v1/families/{id}/credential',
  'POST /api/v1/families/{id}/credential',
  'GET /api/v1/children/{id}/qr.svg',
  'GET /api/v1/children/{id}/qr.png',
  'GET /api/v1/families/{id}/qr.svg',
  'GET /api/v1/families/{id}/qr.png',
  'GET /api/v1/children/{id}/card.pdf',
  'GET /api/v1/facilities/{id}/cards.pdf',
  'POST /api/v1/stamps/preview',
  'POST /api/v1/stamps',
  'POST /api/v1/visits/{id}/pickup',
  'GET /api/v1/facilities/{id}/roster',
  'GET /api/v1/visits',
  'PATCH /api/v1/visits/{id}',
].map((r) => {
  const [m, p] = r.split(' ');
  return norm(m, p);
});

describe('check-in endpoints', () => {
  it('are registered by the binary', async () => {
    const { stdout } = await promisify(execFile)(BINARY, ['routes']);
    const routes = new Set(
      stdout
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l) => norm(l.split(' ')[0], l.split(' ')[1])),
    );
    expect(CHECKIN.filter((r) => !routes.has(r))).toEqual([]);
  });

  it('are described in docs/openapi.yaml, with the kiosk bearer scheme where kiosks may call', () => {
    const doc = parse(readFileSync(join(REPO_ROOT, 'docs', 'openapi.yaml'), 'utf8'));
    const documented = new Set<string>();
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const m of Object.keys(item)) if (['get', 'post', 'patch', 'delete', 'put'].includes(m)) documented.add(norm(m, path));
    }
    expect(CHECKIN.filter((r) => !documented.has(r))).toEqual([]);
    expect(doc.components.securitySchemes.kiosk).toMatchObject({ type: 'http', scheme: 'bearer' });
    const kioskOps = [
      ['/api/v1/kiosk/me', 'get'],
      ['/api/v1/stamps/preview', 'post'],
      ['/api/v1/stamps', 'post'],
      ['/api/v1/visits/{id}/pickup', 'post'],
    ];
    for (const [path, m] of kioskOps) {
      const security: any[] = doc.paths[path][m].security;
      expect(security?.some((s) => 'kiosk' in s), `${m} ${path} accepts the kiosk token`).toBe(true);
    }
    const facility = doc.components.schemas.Facility.properties;
    expect(facility.duplicate_window_seconds).toMatchObject({ minimum: 0, maximum: 3600 });
    expect(facility.offline_retention_hours).toMatchObject({ minimum: 1, maximum: 720 });
  });
});
