// docs/openapi.yaml and the routes the binary registers must name the same set of
// (method, path); and every endpoint of the v1 contract must be registered.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BINARY, REPO_ROOT } from '../support';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** "GET /api/v1/facilities/{}": parameter names do not matter. */
const norm = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`;

async function serverRoutes(): Promise<string[]> {
  const { stdout } = await promisify(execFile)(BINARY, ['routes']);
  const lines = stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  expect(lines.length).toBeGreaterThan(0);
  for (const l of lines) expect(l, 'route line').toMatch(/^(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS) \/\S*$/);
  return lines.map((l) => {
    const [m, p] = l.split(' ');
    return norm(m, p);
  });
}

function openapi(): any {
  return parse(readFileSync(join(REPO_ROOT, 'docs', 'openapi.yaml'), 'utf8'));
}

function documentedRoutes(doc: any): string[] {
  const out: string[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths ?? {})) {
    for (const m of Object.keys(item)) if (METHODS.includes(m)) out.push(norm(m, path));
  }
  return out;
}

const CONTRACT = [
  'GET /healthz',
  'GET /metrics',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/v1/me',
  'POST /api/v1/auth/password',
  'GET /api/v1/organization',
  'POST /api/v1/facilities',
  'GET /api/v1/facilities',
  'GET /api/v1/facilities/{id}',
  'PATCH /api/v1/facilities/{id}',
  'POST /api/v1/staff',
  'GET /api/v1/staff',
  'PATCH /api/v1/staff/{id}',
  'POST /api/v1/families',
  'GET /api/v1/families',
  'GET /api/v1/families/{id}',
  'PATCH /api/v1/families/{id}',
  'POST /api/v1/families/{id}/children',
  'GET /api/v1/children/{id}',
  'PATCH /api/v1/children/{id}',
  'POST /api/v1/families/{id}/guardians',
  'PATCH /api/v1/guardians/{id}',
  'POST /api/v1/guardians/{id}/password-reset',
  'POST /api/v1/enrollments',
  'GET /api/v1/enrollments',
  'POST /api/v1/enrollments/{id}/approve',
  'DELETE /api/v1/enrollments/{id}',
].map((r) => {
  const [m, p] = r.split(' ');
  return norm(m, p);
});

describe('docs/openapi.yaml', () => {
  it('is OpenAPI 3.1 with a response for every operation', () => {
    const doc = openapi();
    expect(String(doc.openapi)).toMatch(/^3\.1\.\d+$/);
    expect(doc.info?.title).toBeTruthy();
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [m, op] of Object.entries<any>(item)) {
        if (!METHODS.includes(m)) continue;
        expect(Object.keys(op.responses ?? {}), `${m} ${path} responses`).not.toEqual([]);
        expect(op.operationId, `${m} ${path} operationId`).toMatch(/^\w+$/);
      }
    }
  });

  it('every $ref points at an existing component', () => {
    const doc = openapi();
    const refs: string[] = [];
    const walk = (v: any) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        if (typeof v.$ref === 'string') refs.push(v.$ref);
        Object.values(v).forEach(walk);
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\//);
      let node: any = doc;
      for (const part of ref.slice(2).split('/')) node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
      expect(node, `${ref} resolves`).toBeTruthy();
    }
  });

  it('describes every endpoint of the v1 contract', () => {
    const documented = new Set(documentedRoutes(openapi()));
    expect(CONTRACT.filter((r) => !documented.has(r))).toEqual([]);
  });
});

describe('registered routes', () => {
  it('include every endpoint of the v1 contract', async () => {
    const routes = new Set(await serverRoutes());
    expect(CONTRACT.filter((r) => !routes.has(r))).toEqual([]);
  });

  it('are all described in docs/openapi.yaml', async () => {
    const documented = new Set(documentedRoutes(openapi()));
    const missing = (await serverRoutes()).filter((r) => !documented.has(r));
    expect(missing, 'routes the server has but openapi.yaml does not describe').toEqual([]);
  });

  it('and openapi.yaml names no route the server does not have', async () => {
    const routes = new Set(await serverRoutes());
    const extra = documentedRoutes(openapi()).filter((r) => !routes.has(r));
    expect(extra, 'routes in openapi.yaml the server does not register').toEqual([]);
  });
});
