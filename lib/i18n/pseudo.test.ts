import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { DEFAULT_LOCALE } from './locales';
import { NAMESPACES } from './namespaces';
import { pseudoMessage } from './pseudo';
import { readCatalog } from './test-translator';

describe('pseudoMessage', () => {
  it('accents and brackets the words, keeping placeholders, plurals and tags', () => {
    const pseudo = pseudoMessage('Delete the passkey “{name}”?');
    assert.match(pseudo, /^\[Đéļéţé ţĥé ƥàššķéý “\{name\}”\?.*\]$/);
    const plural = pseudoMessage('{count, plural, one {# device} other {# devices}}');
    assert.equal(new IntlMessageFormat(plural, 'en').format({ count: 1 }), `[1 đéṽîçé${plural.slice(plural.lastIndexOf('}') + 1, -1)}]`);
    assert.match(String(new IntlMessageFormat(pseudoMessage('It’s <b>yours</b>'), 'en').format({ b: (c: string[]) => `*${c.join('')}*` })), /\*ýöûŕš\*/);
  });

  it('makes every catalog message 30–40 % longer and leaves no plain ASCII letter outside placeholders', () => {
    for (const namespace of NAMESPACES) {
      for (const [key, message] of Object.entries(readCatalog(DEFAULT_LOCALE, namespace))) {
        if (typeof message !== 'string') continue;
        const english = String(new IntlMessageFormat(message, 'en').format(sampleValues(message)));
        const pseudo = String(new IntlMessageFormat(pseudoMessage(message), 'en').format(sampleValues(message)));
        const growth = (pseudo.length - 2) / english.length; // without the brackets
        if (english.length >= 20) assert.ok(growth >= 1.3 && growth <= 1.45, `${namespace}.${key}: ${growth.toFixed(2)}`);
        assert.doesNotMatch(pseudo, /[A-Za-z]/, `${namespace}.${key}: ${pseudo}`);
      }
    }
  });
});

function sampleValues(message: string): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  const visit = (elements: ReturnType<typeof parse>) => {
    for (const element of elements) {
      if ('options' in element) {
        values[element.value] = 2;
        for (const option of Object.values(element.options)) visit(option.value);
      } else if (element.type === 1) values[element.value] = '';
      else if (element.type === 2) values[element.value] = 2;
    }
  };
  visit(parse(message));
  return values;
}
