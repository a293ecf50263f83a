import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

const SYSTEM_FFMPEG = '/usr/bin/ffmpeg';

/**
 * Playwright records video with its own ffmpeg build, which `npx playwright install ffmpeg`
 * downloads. Where that download is impossible (no internet but a package registry), the
 * distribution's ffmpeg does the same job (Playwright asks it for VP8 in WebM, which Debian's
 * has): link it where Playwright looks. Returns what was done, for the demo's output.
 */
export function provideFfmpegForVideo(): string | undefined {
  if (process.platform !== 'linux' || !existsSync(SYSTEM_FFMPEG)) return undefined;
  const require = createRequire(import.meta.url);
  const browsers = JSON.parse(readFileSync(join(dirname(require.resolve('playwright-core/package.json')), 'browsers.json'), 'utf8')) as {
    browsers: { name: string; revision: string }[];
  };
  const revision = browsers.browsers.find((b) => b.name === 'ffmpeg')?.revision;
  if (!revision) return undefined;
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  const target = join(cache, `ffmpeg-${revision}`, 'ffmpeg-linux');
  if (existsSync(target)) return undefined;
  try {
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(SYSTEM_FFMPEG, target);
    return `Recording video with the system's ffmpeg (${SYSTEM_FFMPEG}, linked at ${target}).`;
  } catch {
    return undefined;
  }
}
