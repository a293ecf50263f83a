// Completes Next's standalone output into a runnable server, as deploy/Dockerfile does: Next
// leaves the client assets (.next/static) and public/ out of .next/standalone, which a CDN may
// serve instead; this copies them in. Afterwards `node .next/standalone/server.js` (with PORT,
// HOSTNAME and the portal's variables) serves everything. Source maps are dropped, as in the image.
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function removeSourceMaps(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removeSourceMaps(path);
    else if (entry.name.endsWith('.map')) rmSync(path);
  }
}

/** Copies the assets into `<root>/.next/standalone` and returns that directory. */
export function assembleStandalone(dir = root) {
  const standalone = join(dir, '.next', 'standalone');
  if (!existsSync(join(standalone, 'server.js'))) {
    throw new Error(`${standalone}/server.js is missing: build with \`next build\` (next.config.mjs sets output: 'standalone').`);
  }
  const staticDir = join(dir, '.next', 'static');
  if (statSync(staticDir, { throwIfNoEntry: false })) cpSync(staticDir, join(standalone, '.next', 'static'), { recursive: true });
  if (existsSync(join(dir, 'public'))) cpSync(join(dir, 'public'), join(standalone, 'public'), { recursive: true });
  removeSourceMaps(standalone);
  return standalone;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${assembleStandalone()}\n`);
}
