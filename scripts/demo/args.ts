import type { RealLocale } from '../../lib/i18n/locales';
import { DEMO_LOCALES, isDemoLocale } from './words';

export const USAGE = `Usage: npm run demo [-- [--headed] [--locale <language>]]

  --headed             show the browser, at a slower pace for presenting live (needs a display)
  --locale <language>  the captions' and the portal's language: ${DEMO_LOCALES.join(', ')} (default en)
  --help               this text

Environment:
  DEMO_BASE_URL                 the portal to show (default: http://localhost:3000 if a portal answers
                                there, else a local pool and portal started for the demo)
  DEMO_USERNAME, DEMO_PASSWORD  who signs in (needed with a DEMO_BASE_URL that is not localhost)`;

export type DemoArgs = { kind: 'run'; headed: boolean; locale: RealLocale } | { kind: 'help' } | { kind: 'error'; message: string };

/**
 * The demo's command line: `--headed`, `--locale <language>` (or `--locale=<language>`), or
 * `--help` / `-h`; anything else, or a language the portal does not speak, is refused with the usage.
 */
export function parseArgs(args: readonly string[]): DemoArgs {
  if (args.includes('--help') || args.includes('-h')) return { kind: 'help' };
  let headed = false;
  let locale: RealLocale = 'en';
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--headed') headed = true;
    else if (arg === '--locale' || arg.startsWith('--locale=')) {
      const value = arg === '--locale' ? args[++i] : arg.slice('--locale='.length);
      if (!isDemoLocale(value)) return { kind: 'error', message: `--locale takes one of ${DEMO_LOCALES.join(', ')}${value ? `, not ${value}` : ''}\n${USAGE}` };
      locale = value;
    } else unknown.push(arg);
  }
  if (unknown.length) return { kind: 'error', message: `Unknown argument${unknown.length > 1 ? 's' : ''} ${unknown.join(' ')}\n${USAGE}` };
  return { kind: 'run', headed, locale };
}
