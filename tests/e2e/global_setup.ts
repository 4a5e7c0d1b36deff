// Before the browser tests: make sure the server binary exists and web/dist holds a
// build of the current front-end sources (rebuilt when any source is newer).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { kRepoRoot, serverBinary } from './harness';

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export default function setup(): void {
  if (!existsSync(serverBinary())) {
    throw new Error(`${serverBinary()} is missing: build the server first (make server)`);
  }
  const web = join(kRepoRoot, 'web');
  const built = join(web, 'dist', 'admin', 'index.html');
  const sources = ['src', 'admin', 'kiosk', 'app', 'register', 'vite.config.ts']
    .map((name) => join(web, name))
    .filter((path) => existsSync(path));
  if (!existsSync(built) || Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs) {
    execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: kRepoRoot, stdio: 'inherit' });
  }
}
