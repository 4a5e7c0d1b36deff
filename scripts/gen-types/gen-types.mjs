#!/usr/bin/env node
// Writes web/src/shared/openapi.gen.ts, the TypeScript types of docs/openapi.yaml, with
// openapi-typescript (`npm run gen:types`). web/src/shared/types.ts names the types the
// front ends use over this file; tests/api/openapi_types.test.ts fails when the committed
// file is not what docs/openapi.yaml gives.
//
//   node scripts/gen-types/gen-types.mjs            write the file
//   node scripts/gen-types/gen-types.mjs --stdout   print what it would write
//
// openapi-typescript needs TypeScript's JavaScript compiler API, which TypeScript 7 (the
// repository's compiler) does not ship: this folder is an npm workspace with its own
// TypeScript 5 for the generator alone.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const kRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const kSpec = join(kRoot, 'docs', 'openapi.yaml');
export const kOutput = join(kRoot, 'web', 'src', 'shared', 'openapi.gen.ts');

const kHeader = `// Generated from docs/openapi.yaml by \`npm run gen:types\` (openapi-typescript); do not edit.
// Change docs/openapi.yaml and run the command again; web/src/shared/types.ts names these types.

`;

/** The text of web/src/shared/openapi.gen.ts for the current docs/openapi.yaml. */
export async function generate() {
  const ast = await openapiTS(readFileSync(kSpec, 'utf8'), {
    silent: true,
    // Properties without a default stay optional unless the schema lists them as required.
    defaultNonNullable: false,
  });
  return kHeader + astToString(ast);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await generate();
  if (process.argv.includes('--stdout')) {
    process.stdout.write(text);
  } else {
    writeFileSync(kOutput, text);
    console.log(`wrote ${kOutput.slice(kRoot.length + 1)}`);
  }
}
