// CI's dependency advisory check (.ci/run): `npm audit --omit=dev --audit-level=high`, i.e. the
// dependencies that ship, high and critical advisories. A finding fails CI. Where the advisory
// endpoint cannot be reached (a registry mirror that refuses the bulk advisory request, as this
// machine's answers 405; or no network), it says so plainly and passes: an unknown is not a
// finding, and CI must not hang on a service outside this repository.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const AUDIT = ['audit', '--omit=dev', '--audit-level=high'];
const FAILING = ['high', 'critical'];

/**
 * What `npm audit --json` printed means: `findings` (how many high or critical), `clean`, or
 * `unreachable` (no report came back: npm prints the failed request, or nothing, instead).
 */
export function auditOutcome(jsonText) {
  let report;
  try {
    report = JSON.parse(jsonText);
  } catch {
    return { kind: 'unreachable', detail: 'npm audit printed no report' };
  }
  const counts = report?.metadata?.vulnerabilities;
  if (typeof report?.auditReportVersion !== 'number' || !counts || typeof counts !== 'object') {
    const status = typeof report?.statusCode === 'number' ? `HTTP ${report.statusCode}` : (report?.error?.code ?? 'no report');
    return { kind: 'unreachable', detail: `${status}${report?.message ? `: ${report.message}` : ''}` };
  }
  const count = FAILING.reduce((sum, level) => sum + (Number(counts[level]) || 0), 0);
  return count > 0 ? { kind: 'findings', count } : { kind: 'clean' };
}

function main() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const json = spawnSync(npm, [...AUDIT, '--json'], { encoding: 'utf8', timeout: 120_000 });
  const outcome = auditOutcome(json.stdout ?? '');
  if (outcome.kind === 'unreachable') {
    console.log(`Dependency audit skipped: the advisory endpoint could not be reached (${outcome.detail}). Nothing was checked.`);
    return 0;
  }
  if (outcome.kind === 'clean') {
    console.log('Dependency audit: no high or critical advisories in production dependencies.');
    return 0;
  }
  // The readable report, then fail.
  spawnSync(npm, AUDIT, { stdio: 'inherit', timeout: 120_000 });
  console.error(`Dependency audit failed: ${outcome.count} high or critical advisories in production dependencies.`);
  return 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(main());
