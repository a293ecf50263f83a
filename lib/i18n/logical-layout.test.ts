import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

/**
 * Right to left (issue 19): the layout is written with logical Tailwind classes (ms-/me-/ps-/pe-,
 * start-/end-, text-start, rounded-s/e, border-s/e), which follow the page's direction; a physical
 * one (ml-, pr-, left-, text-right, rounded-l, border-r …) stays put when Arabic flips the page.
 * This scans every string in components/ and app/ .tsx files (class names live in strings and
 * template literals; comments are not looked at) for a physical class, with or without variants
 * (`sm:`, `hover:`) or a minus. And no arrow characters in the markup: a glyph that points a way
 * cannot be mirrored in RTL; draw an icon and give it `rtl:-scale-x-100`.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const SCANNED = ['components', 'app'];

/**
 * Physical classes that are truly meant, each with why: `file` (relative to the repository) and the
 * class as written. None today.
 */
const ALLOWED: { file: string; className: string; why: string }[] = [];

const PHYSICAL = [
  /^-?(m|p|scroll-m|scroll-p)[lr]-/, // ml-4, -mr-2, pl-3, scroll-ml-2: ms-/me-/ps-/pe-
  /^-?(left|right)-(\d|px|full|auto|\[|\()/, // left-0, -right-2, left-[3px]: start-/end-
  /^text-(left|right)$/, // text-start / text-end
  /^rounded-([lr]|[tb][lr])(-|$)/, // rounded-l-md, rounded-tr: rounded-s-/rounded-se
  /^border-[lr](-|$)/, // border-l, border-r-2, border-l-indigo-500: border-s/border-e
  /^(float|clear)-(left|right)$/, // float-start / float-end
  /^origin-(left|right|top-left|top-right|bottom-left|bottom-right)$/,
];
const ARROWS = /[\u2190-\u21FF\u2039\u203A\u25B6\u25B8\u25C0\u25C2\u27F5-\u27F7\u2794-\u27BF\u2B05\u2B95]/u;

function* tsxFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* tsxFiles(path);
    else if (entry.name.endsWith('.tsx')) yield path;
  }
}

/** Every piece of text a .tsx file writes: string and template literals, and JSX text. */
function texts(path: string): { text: string; line: number }[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: { text: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isJsxText(node)) {
      out.push({ text: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** A class without its variants (`sm:hover:`, `rtl:`, `[&>*]:`) and `!`. */
const utility = (token: string) => token.replace(/^(?:[^:\s[]*(?:\[[^\]]*\])?[^:\s[]*:)+/, '').replace(/^!|!$/g, '');

export function physicalClasses(text: string): string[] {
  return text.split(/\s+/).filter((token) => token && PHYSICAL.some((pattern) => pattern.test(utility(token))));
}

describe('logical layout for right to left', () => {
  it('knows a physical class from a logical one, with variants and minus signs', () => {
    assert.deepEqual(physicalClasses('ml-2 sm:pr-4 -mr-1 hover:text-right left-0 md:rounded-l-lg border-r-2 border-l'), ['ml-2', 'sm:pr-4', '-mr-1', 'hover:text-right', 'left-0', 'md:rounded-l-lg', 'border-r-2', 'border-l']);
    assert.deepEqual(physicalClasses('ms-2 pe-4 -me-1 text-start start-0 end-2 rounded-lg rounded-s-md border-red-300 border-s p-4 px-3 mx-auto inset-x-0 rtl:-scale-x-100 max-w-40'), []);
    assert.deepEqual(physicalClasses('[&::-webkit-details-marker]:hidden ltr:ml-2 rtl:mr-2'), ['ltr:ml-2', 'rtl:mr-2']);
  });

  it('components/ and app/ use no physical left/right classes (but the allowed ones) and no arrow characters', () => {
    const found: string[] = [];
    let scanned = 0;
    for (const dir of SCANNED) {
      for (const path of tsxFiles(join(ROOT, dir))) {
        scanned++;
        const file = relative(ROOT, path);
        for (const { text, line } of texts(path)) {
          for (const className of physicalClasses(text)) {
            if (!ALLOWED.some((allowed) => allowed.file === file && allowed.className === className)) found.push(`${file}:${line} ${className}`);
          }
          if (ARROWS.test(text)) found.push(`${file}:${line} an arrow character in "${text.trim().slice(0, 40)}"`);
        }
      }
    }
    assert.ok(scanned > 40, `scanned ${scanned} files`);
    assert.deepEqual(found, []);
  });
});
