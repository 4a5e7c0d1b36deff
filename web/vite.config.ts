// Vite build of the front ends: admin, kiosk, the parents' app and the public pre-registration form.
// Root is web/; every entry is web/<name>/index.html and builds to
// web/dist/<name>/index.html, with shared hashed assets in web/dist/assets/.
// The parents' app also gets, at stable URLs under /app/: its service worker
// (web/src/app/sw.ts → /app/sw.js, scope /app/), told the files of the app shell to
// keep for offline start; its web app manifest; and its icons (web/app/icons/*.png).
// Nothing is loaded from elsewhere: the tadaima server serves all of it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';

const web_root = dirname(fileURLToPath(import.meta.url));

// Entry points; an entry whose index.html does not exist yet is skipped.
const kEntries = ['admin', 'kiosk', 'app', 'register'];

const input: Record<string, string> = Object.fromEntries(
  kEntries
    .map((name) => [name, resolve(web_root, name, 'index.html')] as const)
    .filter(([, file]) => existsSync(file)),
);
if (input.app) input.sw = resolve(web_root, 'src/app/sw.ts');

/** Files copied verbatim from web/app/ to the same place under dist/app/. */
const kAppStatic = ['manifest.webmanifest', 'icons/icon-192.png', 'icons/icon-512.png', 'icons/icon-maskable-512.png'];

/** The placeholder in sw.ts that the build replaces with {files, version}. */
const kShellPlaceholder = '__TADAIMA_APP_SHELL__';

/**
 * Emits the app's static files and completes /app/sw.js: the placeholder becomes the
 * list of URLs the app needs to start (its page, scripts, styles, manifest, icons) and
 * a version made from their contents, so every new build is a new service worker.
 */
function appShell(): Plugin {
  return {
    name: 'tadaima-app-shell',
    apply: 'build',
    enforce: 'post', // after Vite wrote app/index.html into the bundle
    generateBundle(_options, bundle) {
      if (!input.app) return;
      const statics = new Map<string, Buffer>();
      for (const file of kAppStatic) {
        const source = readFileSync(resolve(web_root, 'app', file));
        statics.set(`/app/${file}`, source);
        this.emitFile({ type: 'asset', fileName: `app/${file}`, source });
      }
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry && c.name === 'app');
      const sw = chunks.find((c) => c.isEntry && c.name === 'sw');
      if (!entry || !sw) throw new Error('tadaima-app-shell: the app or sw entry is missing from the bundle');
      if (sw.imports.length > 0 || sw.dynamicImports.length > 0) {
        throw new Error(`tadaima-app-shell: sw.ts must import nothing (it runs as a classic script), got ${sw.imports.join(', ')}`);
      }
      const files = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = bundle[fileName];
        if (!chunk || chunk.type !== 'chunk' || files.has(fileName)) return;
        files.add(fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
        for (const asset of chunk.viteMetadata?.importedAssets ?? []) files.add(asset);
        chunk.imports.forEach(visit);
      };
      visit(entry.fileName);
      const urls = ['/app/', ...[...files].map((f) => `/${f}`), ...kAppStatic.map((f) => `/app/${f}`)];
      const hash = createHash('sha256');
      for (const url of urls) {
        const item = bundle[url === '/app/' ? 'app/index.html' : url.slice(1)];
        const content = statics.get(url) ?? (item?.type === 'chunk' ? item.code : item?.source);
        if (content === undefined) throw new Error(`tadaima-app-shell: ${url} is not in the bundle`);
        hash.update(url).update(content);
      }
      const shell = JSON.stringify({ files: urls, version: hash.digest('hex').slice(0, 16) });
      const parts = sw.code.split(kShellPlaceholder);
      if (parts.length !== 2) throw new Error(`tadaima-app-shell: ${kShellPlaceholder} must occur once in sw.ts`);
      sw.code = parts.join(shell);
    },
  };
}

export default defineConfig({
  root: web_root,
  base: '/',
  plugins: [preact(), appShell()],
  build: {
    outDir: resolve(web_root, 'dist'),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2020',
    rolldownOptions: {
      input,
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'app/sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
