import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { FSI, isolate, isolateUserWords, PDI, USER_WORDS_ARGUMENTS, withUserWordsIsolated } from './bidi';
import { formatMessage } from './format-message';
import { LOCALES } from './locales';
import { NAMESPACES } from './namespaces';
import type { Messages } from './pseudo';
import { readCatalogFile, testTranslator } from './test-translator';

function* strings(messages: Messages, prefix = ''): Generator<[string, string]> {
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') yield [prefix + key, value];
    else yield* strings(value, `${prefix}${key}.`);
  }
}

/** Every argument a message takes, with a value of the right kind. */
function sampleValues(elements: MessageFormatElement[], out: Record<string, string | number> = {}) {
  for (const element of elements) {
    if (element.type === TYPE.argument) out[element.value] ??= `‹${element.value}›`;
    else if (element.type === TYPE.number || element.type === TYPE.plural) out[element.value] = 3;
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) sampleValues(option.value, out);
    if (element.type === TYPE.tag) sampleValues(element.children, out);
  }
  return out;
}

const NAME = 'YubiKey 5 (USB-C)';

describe('the person’s words isolated right to left', () => {
  it('in Arabic, every message gives exactly what it gave with the name wrapped in FSI … PDI (server and client formatters)', () => {
    let withName = 0;
    for (const namespace of NAMESPACES) {
      for (const [key, message] of strings(readCatalogFile('ar', namespace))) {
        const values = sampleValues(parse(message));
        const isolated = isolateUserWords(message);
        const expected = String(new IntlMessageFormat(message, 'ar').format({ ...values, ...(values.name !== undefined ? { name: isolate(NAME) } : {}) }));
        const given = { ...values, ...(values.name !== undefined ? { name: NAME } : {}) };
        assert.equal(String(new IntlMessageFormat(isolated, 'ar').format(given)), expected, `ar/${namespace}.${key}`);
        assert.equal(formatMessage(isolated, given, 'ar'), expected, `ar/${namespace}.${key} (client)`);
        if (values.name !== undefined) withName++;
      }
    }
    assert.ok(withName > 20, 'the Arabic catalogs have messages with {name}');
  });

  it('as the app formats Arabic: a left-to-right name keeps its own order in the sentence', () => {
    const passkeys = testTranslator('ar', 'passkeys');
    assert.ok(passkeys('deleteTitle', { name: NAME }).includes(`${FSI}${NAME}${PDI}`));
    assert.ok(passkeys('actionsFor', { name: NAME }).endsWith(`${FSI}${NAME}${PDI}`));
    assert.ok(testTranslator('ar', 'common')('accountMenuLabel', { name: 'ana@example.com' }).endsWith(`${FSI}ana@example.com${PDI}`));
    // Only the person's words: numbers and the portal's own words are not wrapped.
    const label = testTranslator('ar', 'devices')('lookAlike', { name: 'Chrome', place: 2, total: 3 });
    assert.equal([...label].filter((c) => c === FSI).length, 1);
  });

  it('left to right, every catalog stays exactly as it is (English text is what the e2e specs match)', () => {
    for (const locale of LOCALES.filter((l) => l !== 'ar')) {
      for (const namespace of NAMESPACES) {
        const messages = readCatalogFile(locale, namespace);
        assert.equal(withUserWordsIsolated(locale, messages), messages, `${locale}/${namespace}`);
      }
    }
    assert.equal(testTranslator('en', 'passkeys')('deleteTitle', { name: NAME }), `Delete the passkey “${NAME}”?`);
  });

  it('isolates `{name}` wherever it is: in plural and select options and rich-text tags, each time it appears', () => {
    assert.ok(USER_WORDS_ARGUMENTS.has('name'));
    const message = "{count, plural, one {<b>{name}</b> ''quoted''} other {{name} and {name}, not '{name}'}}";
    const isolated = isolateUserWords(message);
    assert.equal(new IntlMessageFormat(isolated, 'ar').format({ count: 1, name: 'N', b: (chunks: string[]) => `[${chunks.join('')}]` }), `[${FSI}N${PDI}] 'quoted'`);
    assert.equal(new IntlMessageFormat(isolated, 'ar').format({ count: 5, name: 'N' }), `${FSI}N${PDI} and ${FSI}N${PDI}, not {name}`);
    assert.equal(isolateUserWords('{count, plural, one {# passkey} other {# passkeys}}'), '{count, plural, one {# passkey} other {# passkeys}}');
  });
});
