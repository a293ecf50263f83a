/**
 * A very small ICU MessageFormat formatter for client components: arguments (`{name}`), `plural`
 * (with `=N`, `#` and the locale's plural rules) and `select`. It keeps intl-messageformat (and
 * next-intl's client runtime) out of the browser, where the /security page's JS budget is tight;
 * the server formats with next-intl itself. format-message.test.ts checks that for every message
 * of the client namespaces in every locale this gives what intl-messageformat gives.
 */
export type MessageValues = Record<string, string | number>;

type Node = string | { arg: string; kind?: 'plural' | 'select' | 'number'; options?: Record<string, Node[]> };

const cache = new Map<string, Node[]>();

function parseNodes(text: string, start: number, inPlural: boolean): [Node[], number] {
  const nodes: Node[] = [];
  let literal = '';
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === '}') break;
    if (c === "'" && (text[i + 1] === '{' || text[i + 1] === '}' || text[i + 1] === "'" || (inPlural && text[i + 1] === '#'))) {
      if (text[i + 1] === "'") {
        literal += "'";
        i += 2;
        continue;
      }
      const end = text.indexOf("'", i + 1);
      literal += text.slice(i + 1, end === -1 ? text.length : end);
      i = end === -1 ? text.length : end + 1;
      continue;
    }
    if (c === '#' && inPlural) {
      if (literal) nodes.push(literal);
      literal = '';
      nodes.push({ arg: '#' });
      i++;
      continue;
    }
    if (c !== '{') {
      literal += c;
      i++;
      continue;
    }
    if (literal) nodes.push(literal);
    literal = '';
    const close = text.indexOf('}', i);
    const comma = text.indexOf(',', i);
    if (comma === -1 || comma > close) {
      nodes.push({ arg: text.slice(i + 1, close).trim() });
      i = close + 1;
      continue;
    }
    const arg = text.slice(i + 1, comma).trim();
    const second = text.indexOf(',', comma + 1);
    if (second === -1 || second > close) {
      // `{count, number}`: a number in the locale's digits and separators (no styles on the client)
      nodes.push({ arg, kind: 'number' });
      i = close + 1;
      continue;
    }
    const kind = text.slice(comma + 1, second).trim() as 'plural' | 'select';
    i = second + 1;
    const options: Record<string, Node[]> = {};
    for (;;) {
      while (/\s/.test(text[i])) i++;
      if (text[i] === '}') break;
      const open = text.indexOf('{', i);
      const key = text.slice(i, open).trim();
      const [value, end] = parseNodes(text, open + 1, kind === 'plural');
      options[key] = value;
      i = end + 1;
    }
    nodes.push({ arg, kind, options });
    i++;
  }
  if (literal) nodes.push(literal);
  return [nodes, i];
}

function render(nodes: Node[], values: MessageValues, locale: string, count?: number): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') out += node;
    else if (node.arg === '#') out += new Intl.NumberFormat(locale).format(count ?? 0);
    else if (!node.kind) out += String(values[node.arg] ?? `{${node.arg}}`);
    else if (node.kind === 'number') out += new Intl.NumberFormat(locale).format(Number(values[node.arg]));
    else {
      const value = values[node.arg];
      const options = node.options ?? {};
      if (node.kind === 'select') out += render(options[String(value)] ?? options.other ?? [], values, locale, count);
      else {
        const n = Number(value);
        const chosen = options[`=${n}`] ?? options[new Intl.PluralRules(locale).select(n)] ?? options.other ?? [];
        out += render(chosen, values, locale, n);
      }
    }
  }
  return out;
}

export function formatMessage(message: string, values: MessageValues = {}, locale = 'en'): string {
  let nodes = cache.get(message);
  if (!nodes) {
    nodes = parseNodes(message, 0, false)[0];
    cache.set(message, nodes);
  }
  return render(nodes, values, locale);
}
