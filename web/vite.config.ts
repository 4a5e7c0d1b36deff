// Vite build of the three front ends (admin now; kiosk and app later).
// Root is web/; every entry is web/<name>/index.html and builds to
// web/dist/<name>/index.html, with shared hashed assets in web/dist/assets/.
// Nothing is loaded from elsewhere: the tadaima server serves all of it.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const web_root = dirname(fileURLToPath(import.meta.url));

// Entry points; an entry whose index.html does not exist yet is skipped.
const kEntries = ['admin', 'kiosk', 'app'];

const input = Object.fromEntries(
  kEntries
    .map((name) => [name, resolve(web_root, name, 'index.html')] as const)
    .filter(([, file]) => existsSync(file)),
);

export default defineConfig({
  root: web_root,
  base: '/',
  plugins: [preact()],
  build: {
    outDir: resolve(web_root, 'dist'),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2020',
    rolldownOptions: { input },
  },
});
