export const USAGE = `Usage: npm run demo [-- --headed]

  --headed   show the browser, at a slower pace for presenting live (needs a display)
  --help     this text

Environment:
  DEMO_BASE_URL                 the portal to show (default: http://localhost:3000 if a portal answers
                                there, else a local pool and portal started for the demo)
  DEMO_USERNAME, DEMO_PASSWORD  who signs in (needed with a DEMO_BASE_URL that is not localhost)`;

export type DemoArgs = { kind: 'run'; headed: boolean } | { kind: 'help' } | { kind: 'error'; message: string };

/** The demo's command line: `--headed`, or `--help` / `-h`; anything else is refused with the usage. */
export function parseArgs(args: readonly string[]): DemoArgs {
  if (args.includes('--help') || args.includes('-h')) return { kind: 'help' };
  const unknown = args.filter((a) => a !== '--headed');
  if (unknown.length) return { kind: 'error', message: `Unknown argument${unknown.length > 1 ? 's' : ''} ${unknown.join(' ')}\n${USAGE}` };
  return { kind: 'run', headed: args.includes('--headed') };
}
