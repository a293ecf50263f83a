import { cpus, loadavg } from 'node:os';

/** One line of the table: a figure, its budget if it has one, and whether it holds. */
export type Figure = {
  section: string;
  name: string;
  value: string;
  budget?: string;
  /** true / false against the budget; undefined when the figure has no budget (context only). */
  holds?: boolean;
  /** Raw numbers behind the figure, for bench-results.json. */
  data?: Record<string, unknown>;
};

/** A figure that could not be taken, with the reason (shown as "not measured: …"). */
export function notMeasured(section: string, name: string, reason: string, budget?: string): Figure {
  return { section, name, value: `not measured: ${reason}`, budget };
}

export function machine() {
  const [one, five, fifteen] = loadavg();
  return { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', loadAverage: { '1m': one, '5m': five, '15m': fifteen }, node: process.version };
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length));

/** The table as plain text, one line per figure, grouped by section. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.section, f.name, f.value, f.budget ?? '', f.holds === undefined ? '' : f.holds ? 'yes' : 'NO']);
  const header = ['Section', 'Figure', 'Value', 'Budget', 'Holds'];
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]].length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i])).join(' | ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-|-');
  const out = [line(header), rule];
  let section = '';
  for (const row of rows) {
    out.push(line(row[0] === section ? ['', ...row.slice(1)] : row));
    section = row[0];
  }
  return out.join('\n');
}
