// Attachments kept in a directory (TADAIMA_ATTACHMENT_DIR) instead of the database: the
// upload is a file <dir>/<organization>/<attachment id> with exactly the bytes sent, served
// to the families a message with it reached as before and to no one else; a file gone
// from the directory is a server error, never an empty answer.
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, enrolledFamily, newSite, startCheckinServer, type Site, type TestApi, type TestServer } from '../support';

const PDF = Buffer.from('%PDF-1.4\nkept-in-a-directory\n%%EOF\n');
let dir: string;
let server: TestServer;
let a: Site;
let b: Site;
let reached: TestApi;
let outside: TestApi;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tadaima-attachments-'));
  server = await startCheckinServer({ env: { TADAIMA_ATTACHMENT_DIR: join(dir, 'files') } });
  const admin = await server.login();
  a = await newSite(server, admin, { name: 'ひまわり児童クラブ' });
  b = await newSite(server, admin, { name: 'さくら児童クラブ' });
  reached = (await enrolledFamily(server, a.staff, [a.facility.id])).guardian;
  outside = (await enrolledFamily(server, b.staff, [b.facility.id])).guardian;
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('attachments in a directory', () => {
  it('are files of the bytes sent, served only to whom a message with them reached', async () => {
    const file = await a.staff.uploadAttachment(PDF, 'おたより.pdf', 'application/pdf');
    const [org] = readdirSync(join(dir, 'files'));
    const path = join(dir, 'files', org, file.id);
    expect(readFileSync(path).equals(PDF)).toBe(true);
    expect(readdirSync(join(dir, 'files', org))).toEqual([file.id]); // no temporary file left

    await a.staff.sendMessage({
      title: 'おたより', body: '添付をご覧ください。', audience: { facility_ids: [a.facility.id] }, channels: ['inapp'],
      attachment_ids: [file.id],
    });
    const got = await download(server, reached, `/api/v1/attachments/${file.id}`);
    expect(got.status).toBe(200);
    expect(got.type).toBe('application/pdf');
    expect(got.bytes.equals(PDF)).toBe(true);
    expect((await download(server, outside, `/api/v1/attachments/${file.id}`)).status).toBe(404);
    expect((await download(server, b.staff, `/api/v1/attachments/${file.id}`)).status).toBe(404);

    // The bytes are the file's, not a copy in the database: without it the answer is an error.
    unlinkSync(path);
    const gone = await download(server, reached, `/api/v1/attachments/${file.id}`);
    expect(gone.status).toBe(500);
    expect(JSON.parse(gone.text).error.code).toBe('internal');
  });
});
