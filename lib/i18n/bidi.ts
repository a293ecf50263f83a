import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { directionOf } from './locales';
import type { Messages } from './pseudo';

/** FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: what they enclose takes its own direction and leaves its neighbours' alone. */
export const FSI = '\u2068';
export const PDI = '\u2069';

/**
 * The arguments that carry a person's own words: their name, a passkey's or a device's name (the
 * `{name}` of every message that takes one). Nothing else the messages take is written by people.
 */
export const USER_WORDS_ARGUMENTS: ReadonlySet<string> = new Set(['name']);

/** `value` isolated from the text around it ("\u2068Ana's YubiKey 5 (USB-C)\u2069"). */
export const isolate = (value: string): string => `${FSI}${value}${PDI}`;

function isolateArguments(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.flatMap((element): MessageFormatElement[] => {
    if (element.type === TYPE.argument && USER_WORDS_ARGUMENTS.has(element.value)) {
      return [{ type: TYPE.literal, value: FSI }, element, { type: TYPE.literal, value: PDI }];
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      return [{ ...element, options: Object.fromEntries(Object.entries(element.options).map(([key, option]) => [key, { ...option, value: isolateArguments(option.value) }])) }];
    }
    if (element.type === TYPE.tag) return [{ ...element, children: isolateArguments(element.children) }];
    return [element];
  });
}

/**
 * A message whose `{name}` comes out isolated (FSI … PDI): in a right-to-left sentence, a name
 * written left to right ("YubiKey 5 (USB-C)", "ana@example.com") keeps its own order and does not
 * pull the sentence's punctuation or numbers into it. Done to the catalogs once, as they are loaded
 * (lib/i18n/messages.ts), so every way a message is formatted (next-intl's t() on the server, useT
 * and formatMessage in the browser, aria-labels, live regions, titles) gets it alike.
 */
export function isolateUserWords(message: string): string {
  if (![...USER_WORDS_ARGUMENTS].some((name) => message.includes(name))) return message;
  return printAST(isolateArguments(parse(message)));
}

/**
 * A namespace's messages as a locale shows them: right-to-left locales isolate the person's words
 * in every message. Left-to-right locales are left as they are: there Latin names are no trouble,
 * and English text stays exactly what the e2e specs match.
 */
export function withUserWordsIsolated(locale: string, messages: Messages): Messages {
  if (directionOf(locale) !== 'rtl') return messages;
  const out: Messages = {};
  for (const [key, value] of Object.entries(messages)) out[key] = typeof value === 'string' ? isolateUserWords(value) : withUserWordsIsolated(locale, value);
  return out;
}
