// The client's types are docs/openapi.yaml's: web/src/shared/openapi.gen.ts must be what
// `npm run gen:types` makes of the YAML today, so the contract and the client cannot drift.
// And every error reason the contract names is one the client can say (i18n/reasons.ts is
// typed over the generated ErrorReason; this checks the YAML's list has no repeats).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { kReasonTexts } from '../../web/src/shared/i18n/reasons';
import { REPO_ROOT } from '../support';

const kGenerated = join(REPO_ROOT, 'web', 'src', 'shared', 'openapi.gen.ts');
const kFix = 'web/src/shared/openapi.gen.ts is not what docs/openapi.yaml gives: run `npm run gen:types` and commit the file';

/** The first line where two texts differ, for a short failure message. */
function firstDifference(a: string, b: string): string {
  const x = a.split('\n'), y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) return `line ${i + 1}: committed ${JSON.stringify(x[i])}, generated ${JSON.stringify(y[i])}`;
  }
  return '';
}

describe('web/src/shared/openapi.gen.ts', () => {
  it('is what `npm run gen:types` makes of docs/openapi.yaml', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath, [join(REPO_ROOT, 'scripts', 'gen-types', 'gen-types.mjs'), '--stdout'],
      { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
    );
    const committed = readFileSync(kGenerated, 'utf8');
    expect(committed === stdout, `${kFix} (${firstDifference(committed, stdout)})`).toBe(true);
  });
});

describe('ErrorReason in docs/openapi.yaml', () => {
  const doc = parse(readFileSync(join(REPO_ROOT, 'docs', 'openapi.yaml'), 'utf8'));
  const reasons: string[] = doc.components.schemas.ErrorReason.enum;

  it('lists each id once, snake_case, the ErrorCode names among them', () => {
    expect(new Set(reasons).size).toBe(reasons.length);
    for (const r of reasons) expect(r).toMatch(/^[a-z][a-z0-9_]*$/);
    for (const code of doc.components.schemas.ErrorCode.enum) expect(reasons).toContain(code);
  });

  it('every id has a Japanese and an English text in the client', () => {
    expect(Object.keys(kReasonTexts).sort()).toEqual([...reasons].sort());
    for (const [id, text] of Object.entries(kReasonTexts)) {
      expect(text.ja, id).toBeTruthy();
      expect(text.en, id).toBeTruthy();
    }
  });
});
