#!/usr/bin/env node
// Usage: node scripts/junit-summary.mjs NAME:EXIT:FILE...
//
// Reads the JUnit XML files written by the test stages (CTest, Vitest) and prints, per
// stage, its counts and failed tests, then exactly one last line `N passed, N failed`.
// A stage that exited non-zero without a failed test in its file, or that wrote no
// file, crashed: it counts as one failure. Exits 1 when anything failed, else 0.
import { existsSync, readFileSync } from 'node:fs';

const decode = (s) =>
  s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-f]+));/gi, (m, name, dec, hex) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) :
    { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name.toLowerCase()]);

/** Every <testcase> of a JUnit document: its attributes and inner XML. */
function testcases(xml) {
  const out = [];
  const open = /<testcase\b/g;
  for (let m; (m = open.exec(xml)); ) {
    const attrs = {};
    const attr = /\s*([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/y;
    let i = m.index + m[0].length;
    for (let a; (attr.lastIndex = i), (a = attr.exec(xml)); i = attr.lastIndex) {
      attrs[a[1]] = decode(a[3] ?? a[4]);
    }
    const rest = xml.slice(i).trimStart();
    let body = '';
    if (rest.startsWith('>')) {
      const start = xml.indexOf('>', i) + 1;
      const end = xml.indexOf('</testcase>', start);
      body = xml.slice(start, end < 0 ? undefined : end);
      open.lastIndex = end < 0 ? xml.length : end;
    }
    out.push({ attrs, body });
  }
  return out;
}

function classify({ attrs, body }) {
  if (/<(failure|error)\b/.test(body) || attrs.status === 'fail') return 'failed';
  if (/<skipped\b/.test(body) || ['notrun', 'disabled', 'skipped'].includes(attrs.status)) return 'skipped';
  return 'passed';
}

const stages = process.argv.slice(2).map((arg) => {
  const [name, exit, ...file] = arg.split(':');
  return { name, exit: Number(exit), file: file.join(':') };
});
if (stages.length === 0) {
  console.error('usage: junit-summary.mjs NAME:EXIT:FILE...');
  process.exit(2);
}

let passed = 0;
let failed = 0;
console.log('\n==== test summary ====');
for (const stage of stages) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const failures = [];
  const present = stage.file && existsSync(stage.file);
  if (present) {
    for (const tc of testcases(readFileSync(stage.file, 'utf8'))) {
      const kind = classify(tc);
      counts[kind]++;
      if (kind === 'failed') failures.push(`${tc.attrs.classname ?? ''} › ${tc.attrs.name ?? '?'}`);
    }
  }
  passed += counts.passed;
  failed += counts.failed;
  console.log(`${stage.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (exit ${stage.exit})`);
  for (const f of failures) console.log(`  FAILED ${f}`);
  if (!present) {
    console.log(`  CRASHED: no results file ${stage.file}`);
    failed++;
  } else if (stage.exit !== 0 && counts.failed === 0) {
    console.log(`  CRASHED: exit ${stage.exit} without a failed test`);
    failed++;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
