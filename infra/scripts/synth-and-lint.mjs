// Offline checks of the real CLI path: `cdk synth` (no AWS account) for a prefix-domain and a
// custom-domain deployment, then cfn-lint, an independent CloudFormation validator, on both
// templates. Any finding fails the test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const variants = {
  'prefix-domain': ['-c', 'portalUrl=https://security.example.com', '-c', 'domainPrefix=security-portal'],
  'custom-domain': [
    '-c', 'portalUrl=https://security.example.com',
    '-c', 'customDomain=auth.example.com',
    '-c', 'customDomainCertificateArn=arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555',
  ],
};

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' } });
  if (result.error?.code === 'ENOENT') return null;
  return result.status;
}

const out = mkdtempSync(join(tmpdir(), 'portal-infra-synth-'));
try {
  const templates = [];
  for (const [name, context] of Object.entries(variants)) {
    const dir = join(out, name);
    const status = run('npx', ['cdk', 'synth', '--no-notices', '--quiet', '--output', dir, ...context]);
    if (status !== 0) throw new Error(`cdk synth (${name}) failed.`);
    templates.push(...readdirSync(dir).filter((f) => f.endsWith('.template.json')).map((f) => join(dir, f)));
  }
  if (templates.length !== 2) throw new Error(`Expected 2 templates, got ${templates.length}.`);
  const status = run('cfn-lint', ['--', ...templates]);
  if (status === null) throw new Error('cfn-lint is not installed: `pip install cfn-lint` (.ci/run installs it where missing).');
  if (status !== 0) throw new Error(`cfn-lint reported findings (exit code ${status}).`);
  console.log(`cdk synth and cfn-lint: ${templates.length} templates, no findings.`);
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
