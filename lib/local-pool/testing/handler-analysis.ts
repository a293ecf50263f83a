// Reads the pool's own source to tell, for each operation handler, which input members it
// reads and which exception names it can reach (through the helpers it calls, transitively).
// Used by the model conformance test (model/model-table.test.ts); not loaded by the pool.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** Every named function, arrow-function constant and class method in the pool's sources. */
type Definitions = Map<string, ts.Node[]>;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'testing' && entry.name !== 'static') sourceFiles(path, out);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

function collectDefinitions(dir: string): Definitions {
  const definitions: Definitions = new Map();
  const add = (name: string, node: ts.Node) => definitions.set(name, [...(definitions.get(name) ?? []), node]);
  for (const file of sourceFiles(dir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isFunctionDeclaration(node) && node.name) add(node.name.text, node);
      else if (ts.isMethodDeclaration(node) && ts.isIdentifier(node.name)) add(node.name.text, node);
      else if (ts.isGetAccessorDeclaration(node) && ts.isIdentifier(node.name)) add(node.name.text, node);
      else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))) {
        add(node.name.text, node.initializer);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return definitions;
}

/** The names a piece of code calls or constructs: `f(…)`, `x.f(…)`, `new F(…)`. */
function calledNames(node: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
      const callee = n.expression;
      if (ts.isIdentifier(callee)) names.add(callee.text);
      else if (ts.isPropertyAccessExpression(callee)) names.add(callee.name.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return names;
}

/** Exception names written in the code as string literals (comments are not nodes, so they do not count). */
function exceptionLiterals(node: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (n: ts.Node) => {
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && /^\w+Exception$/.test(n.text)) names.add(n.text);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return names;
}

export type HandlerFacts = {
  /** `input.X` members the handler reads. */
  inputMembers: Set<string>;
  /** Uses of `input` other than reading a named member (passing it on, `input[x]`): the analysis cannot follow those. */
  otherInputUses: string[];
  /** Exception names reachable from the handler through the functions it calls. */
  exceptions: Set<string>;
};

export function analyseHandlers(dir: string, handlerNames: Record<string, string>): Record<string, HandlerFacts> {
  const definitions = collectDefinitions(dir);
  const result: Record<string, HandlerFacts> = {};
  for (const [operation, handlerName] of Object.entries(handlerNames)) {
    const [handler, ...others] = definitions.get(handlerName) ?? [];
    if (!handler || others.length > 0) throw new Error(`Expected exactly one definition of ${handlerName} (${operation})`);
    if (!ts.isArrowFunction(handler) && !ts.isFunctionExpression(handler)) throw new Error(`${handlerName} is not a function`);
    const param = handler.parameters[0]?.name;
    const inputName = param && ts.isIdentifier(param) ? param.text : 'input';
    const inputMembers = new Set<string>();
    const otherInputUses: string[] = [];
    const visitInput = (n: ts.Node) => {
      if (ts.isIdentifier(n) && n.text === inputName && n !== param) {
        const parent = n.parent;
        if (ts.isPropertyAccessExpression(parent) && parent.expression === n) inputMembers.add(parent.name.text);
        else otherInputUses.push(parent.getText());
      }
      ts.forEachChild(n, visitInput);
    };
    visitInput(handler.body);

    const exceptions = new Set<string>();
    const seen = new Set<ts.Node>();
    const queue: ts.Node[] = [handler];
    while (queue.length > 0) {
      const node = queue.pop()!;
      if (seen.has(node)) continue;
      seen.add(node);
      exceptionLiterals(node).forEach((e) => exceptions.add(e));
      for (const name of calledNames(node)) queue.push(...(definitions.get(name) ?? []));
    }
    result[operation] = { inputMembers, otherInputUses, exceptions };
  }
  return result;
}
