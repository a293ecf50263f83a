import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatTable, notMeasured } from './report';

describe('bench table', () => {
  it('aligns the columns, names each section once and marks budgets that fail', () => {
    const table = formatTable([
      { section: 'Client JS', name: 'route own', value: '12.3 kB', budget: '≤ 20 kB', holds: true },
      { section: 'Client JS', name: 'first load', value: '150.0 kB' },
      { section: 'Render', name: 'ratio', value: '1.52', budget: '≤ 1.3', holds: false },
      notMeasured('Actions', 'delete', 'no passkeys section'),
    ]);
    const lines = table.split('\n');
    assert.equal(lines.length, 6);
    assert.match(lines[0], /^Section\s+\| Figure\s+\| Value\s+\| Budget\s+\| Holds$/);
    assert.match(lines[2], /^Client JS \| route own/);
    assert.match(lines[3], /^\s+\| first load/);
    assert.match(lines[4], /\| NO$/);
    assert.match(lines[5], /not measured: no passkeys section/);
    const bars = lines.filter((l) => !l.startsWith('-')).map((l) => [...l].map((c, i) => (c === '|' ? i : -1)).filter((i) => i >= 0).slice(0, 3).join());
    assert.equal(new Set(bars).size, 1, 'the first three separators line up');
  });
});
