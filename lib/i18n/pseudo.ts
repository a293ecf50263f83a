import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';

const ACCENTS: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'àƀçđéƒğĥîĵķļɱñöƥǫŕšţûṽŵẋýžÀƁÇĐÉƑĞĤÎĴĶĻṀÑÖƤǪŔŠŢÛṼŴẊÝŽ'][i]]),
);
// What makes the text about 35 % longer (the usual growth from English to German or French).
const FILLER = ' ļöŕéɱ îƥšûɱ đöļöŕ šîţ àɱéţ çöñšéçţéţûŕ àđîƥîšçîñğ éļîţ';

const accent = (text: string) => [...text].map((c) => ACCENTS[c] ?? c).join('');

function literalLength(elements: MessageFormatElement[]): number {
  let length = 0;
  for (const element of elements) {
    if (element.type === TYPE.literal) length += element.value.length;
    else if (element.type === TYPE.plural || element.type === TYPE.select) length += Math.max(0, ...Object.values(element.options).map((o) => literalLength(o.value)));
    else if (element.type === TYPE.tag) length += literalLength(element.children);
  }
  return length;
}

function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: accent(element.value) };
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      return { ...element, options: Object.fromEntries(Object.entries(element.options).map(([key, option]) => [key, { ...option, value: transform(option.value) }])) } as MessageFormatElement;
    }
    if (element.type === TYPE.tag) return { ...element, children: transform(element.children) };
    return element; // arguments, numbers, dates, `#`: untouched
  });
}

/** One English message, pseudo-translated: "[Šîğñ öûţ ļöŕéɱ]" — placeholders, plurals and tags kept as they are. */
export function pseudoMessage(message: string): string {
  const ast = parse(message, { ignoreTag: false });
  const padding = Math.max(1, Math.round(literalLength(ast) * 0.35));
  const filler = FILLER.repeat(Math.ceil(padding / FILLER.length)).slice(0, padding);
  return `[${printAST(transform(ast))}${filler}]`;
}

export type Messages = { [key: string]: string | Messages };

/** Every message of a catalog, pseudo-translated. */
export function pseudoMessages(messages: Messages): Messages {
  return Object.fromEntries(Object.entries(messages).map(([key, value]) => [key, typeof value === 'string' ? pseudoMessage(value) : pseudoMessages(value)]));
}
