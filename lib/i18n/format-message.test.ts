import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { formatMessage } from './format-message';
import { intlLocaleOf, LOCALES, PSEUDO_LOCALE, type Locale } from './locales';
import { NAMESPACES } from './namespaces';
import { readCatalog } from './test-translator';

function args(elements: MessageFormatElement[], out = new Map<string, 'text' | 'number'>()) {
  for (const element of elements) {
    if (element.type === TYPE.argument) out.set(element.value, 'text');
    else if (element.type === TYPE.number || element.type === TYPE.plural) out.set(element.value, 'number');
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) args(option.value, out);
  }
  return out;
}

describe('formatMessage (the client’s small formatter)', () => {
  it('gives what intl-messageformat gives, for every message of every locale', () => {
    for (const locale of [...LOCALES, PSEUDO_LOCALE] as Locale[]) {
      const intl = intlLocaleOf(locale);
      for (const namespace of NAMESPACES) {
        for (const [key, message] of Object.entries(readCatalog(locale, namespace))) {
          if (typeof message !== 'string') continue;
          const ast = parse(message);
          if (ast.some((e) => e.type === TYPE.number && e.style)) continue; // number styles: server only
          for (const n of [0, 1, 2, 3, 11, 100]) {
            const values = Object.fromEntries([...args(ast)].map(([name, kind]) => [name, kind === 'number' ? n : `«${name}»`]));
            const expected: string = String(new IntlMessageFormat(message, intl).format(values));
            assert.equal(formatMessage(message, values, intl), expected, `${locale}/${namespace}.${key} with ${n}`);
          }
        }
      }
    }
  });

  it('reads ICU quoting and exact matches', () => {
    assert.equal(formatMessage("It''s '{literal}' {n, plural, =0 {none} one {# item} other {# items}}", { n: 0 }), "It's {literal} none");
    assert.equal(formatMessage('{n, plural, one {# item} other {# items}}', { n: 1000 }, 'de'), '1.000 items');
    assert.equal(formatMessage('{kind, select, a {A} other {B}}', { kind: 'a' }), 'A');
  });
});
