import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditOutcome } from './dependency-audit.mjs';

const report = (vulnerabilities: Record<string, number>) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...vulnerabilities } } });

describe('auditOutcome (npm audit --json)', () => {
  it('fails on high and critical advisories only', () => {
    assert.deepEqual(auditOutcome(report({ high: 1 })), { kind: 'findings', count: 1 });
    assert.deepEqual(auditOutcome(report({ critical: 2, high: 1 })), { kind: 'findings', count: 3 });
    assert.deepEqual(auditOutcome(report({ moderate: 4, low: 1 })), { kind: 'clean' });
    assert.deepEqual(auditOutcome(report({})), { kind: 'clean' });
  });

  it('calls a refused advisory request unreachable, not clean and not a finding', () => {
    // What this machine's registry answers (npm 10).
    const refused = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      method: 'POST',
      statusCode: 405,
      body: '',
      error: { summary: '', detail: '' },
    });
    const outcome = auditOutcome(refused);
    assert.equal(outcome.kind, 'unreachable');
    assert.match((outcome as { detail: string }).detail, /HTTP 405/);
    assert.equal(auditOutcome('').kind, 'unreachable');
    assert.equal(auditOutcome(JSON.stringify({ error: { code: 'ENOTFOUND' } })).kind, 'unreachable');
  });
});
