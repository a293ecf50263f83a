import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Messages } from './pseudo';
import { catalogNamespaces, readCatalog } from './test-translator';

/**
 * French puts a space before the high punctuation marks and inside guillemets, one that never
 * breaks (a line must not start with "?" or "»"). The rule the fr catalogs follow, one for all:
 * - a narrow no-break space (U+202F) before ; ? !
 * - a no-break space (U+00A0) before : and inside « »
 * An ordinary space (the line may break there) or none at all fails, as does the other kind of space.
 */
const NNBSP = '\u202F';
const NBSP = '\u00A0';

function* strings(messages: Messages, prefix = ''): Generator<[string, string]> {
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') yield [prefix + key, value];
    else yield* strings(value, `${prefix}${key}.`);
  }
}

const show = (text: string) => text.replace(/\u202F/g, '⍽').replace(/\u00A0/g, '⎵');

/** Where a message breaks the rule: each mark with what comes before (or after, for «). */
export function frenchSpacingProblems(message: string): string[] {
  const problems: string[] = [];
  for (let i = 0; i < message.length; i++) {
    const mark = message[i];
    const before = message[i - 1];
    const context = show(message.slice(Math.max(0, i - 8), i + 8));
    if (mark === ';' || mark === '?' || mark === '!') {
      // "?!" or "!!": the space goes before the first only.
      if (before === '?' || before === '!') continue;
      if (before !== NNBSP || /\s/.test(message[i - 2] ?? '')) problems.push(`U+202F before "${mark}": …${context}…`);
    } else if (mark === ':') {
      if (message.startsWith('//', i + 1)) continue; // a URL's scheme
      if (before !== NBSP || /\s/.test(message[i - 2] ?? '')) problems.push(`U+00A0 before ":": …${context}…`);
    } else if (mark === '«') {
      if (message[i + 1] !== NBSP || /\s/.test(message[i + 2] ?? '')) problems.push(`U+00A0 after "«": …${context}…`);
    } else if (mark === '»') {
      if (before !== NBSP || /\s/.test(message[i - 2] ?? '')) problems.push(`U+00A0 before "»": …${context}…`);
    }
  }
  return problems;
}

describe('French typography in the fr catalogs', () => {
  it('the rule itself: accepts the right spaces, refuses ordinary, missing or swapped ones', () => {
    assert.deepEqual(frenchSpacingProblems(`Supprimer la clé «${NBSP}{name}${NBSP}»${NNBSP}?`), []);
    assert.deepEqual(frenchSpacingProblems(`Compte${NBSP}: {name}${NNBSP}; voir https://example.com`), []);
    assert.deepEqual(frenchSpacingProblems(`Vraiment${NNBSP}?!`), []);
    assert.equal(frenchSpacingProblems('Compte : {name}').length, 1);
    assert.equal(frenchSpacingProblems('Compte: {name}').length, 1);
    assert.equal(frenchSpacingProblems(`Compte${NNBSP}: {name}`).length, 1);
    assert.equal(frenchSpacingProblems(`Supprimer${NBSP}?`).length, 1);
    assert.equal(frenchSpacingProblems('Supprimer ?').length, 1);
    assert.equal(frenchSpacingProblems('Supprimer!').length, 1);
    assert.equal(frenchSpacingProblems('« {name} »').length, 2);
    assert.equal(frenchSpacingProblems(`«${NBSP} {name}${NBSP}»`).length, 1);
  });

  for (const namespace of catalogNamespaces('fr')) {
    it(`fr/${namespace}.json: no-break spaces before : ; ? ! and inside « »`, () => {
      const problems = [...strings(readCatalog('fr', namespace))].flatMap(([key, message]) =>
        frenchSpacingProblems(message).map((problem) => `${key}: ${problem}`),
      );
      assert.deepEqual(problems, []);
    });
  }
});
