import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { DEFAULT_LOCALE, directionOf, LOCALES, PSEUDO_LOCALE } from './locales';
import { NAMESPACES } from './namespaces';
import type { Messages } from './pseudo';
import { catalogNamespaces, readCatalog } from './test-translator';

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The arguments a message takes, with their kind ("name:argument", "count:plural", …), sorted. */
function placeholders(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument) out.add(`${element.value}:argument`);
    else if (element.type === TYPE.number) out.add(`${element.value}:number`);
    else if (element.type === TYPE.date || element.type === TYPE.time) out.add(`${element.value}:date`);
    else if (element.type === TYPE.plural || element.type === TYPE.select) {
      out.add(`${element.value}:${element.type === TYPE.plural ? 'plural' : 'select'}`);
      for (const option of Object.values(element.options)) placeholders(option.value, out);
    } else if (element.type === TYPE.tag) {
      out.add(`<${element.value}>`);
      placeholders(element.children, out);
    }
  }
  return out;
}

const sorted = (set: Set<string>) => [...set].sort();

/** The plural categories a locale's rules give to whole numbers people meet (0–1000). */
function categoriesInUse(locale: string): Set<string> {
  const rules = new Intl.PluralRules(locale);
  const used = new Set<string>();
  for (let n = 0; n <= 1000; n++) used.add(rules.select(n));
  return used;
}

function pluralOptions(elements: MessageFormatElement[], out: { arg: string; keys: string[] }[] = []) {
  for (const element of elements) {
    if (element.type === TYPE.plural) {
      out.push({ arg: element.value, keys: Object.keys(element.options) });
      for (const option of Object.values(element.options)) pluralOptions(option.value, out);
    } else if (element.type === TYPE.select) for (const option of Object.values(element.options)) pluralOptions(option.value, out);
    else if (element.type === TYPE.tag) pluralOptions(element.children, out);
  }
  return out;
}

const source = new Map(NAMESPACES.map((namespace) => [namespace, flatten(readCatalog(DEFAULT_LOCALE, namespace))]));

describe('catalogs', () => {
  it('every locale has exactly the namespaces the code loads', () => {
    for (const locale of LOCALES) assert.deepEqual(catalogNamespaces(locale), [...NAMESPACES].sort(), locale);
  });

  for (const locale of LOCALES.filter((l) => l !== DEFAULT_LOCALE)) {
    it(`${locale}: every English key, no other key, the same placeholders`, () => {
      for (const namespace of NAMESPACES) {
        const english = source.get(namespace)!;
        const translated = flatten(readCatalog(locale, namespace));
        assert.deepEqual([...translated.keys()].sort(), [...english.keys()].sort(), `${locale}/${namespace}: keys`);
        for (const [key, message] of english) {
          const theirs = translated.get(key)!;
          assert.notEqual(theirs.trim(), '', `${locale}/${namespace}.${key} is empty`);
          assert.deepEqual(sorted(placeholders(parse(theirs))), sorted(placeholders(parse(message))), `${locale}/${namespace}.${key}: placeholders`);
        }
      }
    });
  }

  for (const locale of [...LOCALES, PSEUDO_LOCALE] as const) {
    it(`${locale}: every message parses and formats, and each plural has the locale's forms`, () => {
      const needed = categoriesInUse(locale === PSEUDO_LOCALE ? 'en' : locale);
      for (const namespace of NAMESPACES) {
        for (const [key, message] of flatten(readCatalog(locale, namespace))) {
          const ast = parse(message);
          for (const { arg, keys } of pluralOptions(ast)) {
            assert.ok(keys.includes('other'), `${locale}/${namespace}.${key}: {${arg}} has no "other"`);
            for (const category of needed) {
              if (category === 'other') continue;
              assert.ok(keys.includes(category), `${locale}/${namespace}.${key}: {${arg}} lacks "${category}"`);
            }
          }
          const values = Object.fromEntries(
            [...placeholders(ast)].filter((p) => !p.startsWith('<')).map((p) => {
              const [name, kind] = p.split(':');
              return [name, kind === 'argument' || kind === 'select' ? 'x' : kind === 'date' ? new Date(0) : 2];
            }),
          );
          assert.doesNotThrow(() => new IntlMessageFormat(message, locale).format(values), `${locale}/${namespace}.${key}`);
        }
      }
    });
  }

  it('Arabic reads right to left, every other locale left to right', () => {
    assert.equal(directionOf('ar'), 'rtl');
    for (const locale of [...LOCALES, PSEUDO_LOCALE].filter((l) => l !== 'ar')) assert.equal(directionOf(locale), 'ltr', locale);
  });

  it('says passkey as each platform does', () => {
    const term = (locale: (typeof LOCALES)[number]) => flatten(readCatalog(locale, 'security')).get('passkeysTerm');
    assert.equal(term('de'), 'Passkeys');
    assert.equal(term('fr'), 'Clés d’accès');
    assert.equal(term('es'), 'Llaves de acceso');
    assert.equal(term('ja'), 'パスキー');
    assert.equal(term('pt-BR'), 'Chaves de acesso');
    assert.equal(term('ar'), 'مفاتيح المرور');
  });
});
