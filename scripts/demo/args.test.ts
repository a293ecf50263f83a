import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArgs, USAGE } from './args';

describe('the demo’s command line', () => {
  it('runs headless by default and headed with --headed', () => {
    assert.deepEqual(parseArgs([]), { kind: 'run', headed: false, locale: 'en' });
    assert.deepEqual(parseArgs(['--headed']), { kind: 'run', headed: true, locale: 'en' });
  });

  it('takes the captions’ and the portal’s language with --locale, only one the portal speaks', () => {
    assert.deepEqual(parseArgs(['--locale', 'de']), { kind: 'run', headed: false, locale: 'de' });
    assert.deepEqual(parseArgs(['--headed', '--locale=pt-BR']), { kind: 'run', headed: true, locale: 'pt-BR' });
    assert.deepEqual(parseArgs(['--locale', 'ar', '--headed']), { kind: 'run', headed: true, locale: 'ar' });
    for (const args of [['--locale'], ['--locale', 'xx'], ['--locale=en-XA'], ['--locale', 'DE'], ['--locale=']]) {
      const result = parseArgs(args);
      assert.equal(result.kind, 'error', args.join(' '));
      assert.ok(result.kind === 'error' && result.message.startsWith('--locale takes one of en, de, es, fr, ja, pt-BR, ar'), args.join(' '));
    }
    assert.match(USAGE, /--locale/);
  });

  it('shows the usage for --help or -h, whatever else is given', () => {
    assert.deepEqual(parseArgs(['--help']), { kind: 'help' });
    assert.deepEqual(parseArgs(['--headed', '-h']), { kind: 'help' });
    assert.match(USAGE, /--headed/);
    assert.match(USAGE, /DEMO_BASE_URL/);
  });

  it('refuses unknown arguments, naming them, with the usage', () => {
    const result = parseArgs(['--headless', '--headed', 'fast']);
    assert.equal(result.kind, 'error');
    assert.ok(result.kind === 'error' && result.message.startsWith('Unknown arguments --headless fast\n'));
    assert.ok(result.kind === 'error' && result.message.endsWith(USAGE));
    assert.deepEqual(parseArgs(['--slow']), { kind: 'error', message: `Unknown argument --slow\n${USAGE}` });
  });
});
