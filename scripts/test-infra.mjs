// `npm run test:infra` (part of `npm test`): the CDK app's offline tests (assertions, `cdk synth`,
// cfn-lint). infra/ is its own package so the portal's install never carries the CDK; its
// dependencies are installed here, from its lock file, when they are missing or older than it, and
// cfn-lint into infra/.venv when it is not on PATH.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const infra = fileURLToPath(new URL('../infra/', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function npmIn(args) {
  const result = spawnSync(npm, args, { cwd: infra, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const installed = join(infra, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(join(infra, 'package-lock.json')).mtimeMs) {
  console.log('Installing infra/ dependencies (npm ci)…');
  npmIn(['ci', '--no-audit', '--no-fund']);
}
// cfn-lint (PyPI): the one on PATH, else one in infra/.venv, made here on first use.
const env = { ...process.env };
const onPath = spawnSync('cfn-lint', ['--version'], { stdio: 'ignore' }).status === 0;
if (!onPath) {
  const venv = join(infra, '.venv');
  if (!existsSync(join(venv, 'bin', 'cfn-lint'))) {
    console.log('cfn-lint is not on PATH: installing it into infra/.venv (python3 -m venv, pip install cfn-lint)…');
    for (const [command, args] of [['python3', ['-m', 'venv', venv]], [join(venv, 'bin', 'pip'), ['install', '--quiet', 'cfn-lint']]]) {
      if (spawnSync(command, args, { stdio: 'inherit' }).status !== 0) {
        console.error('Could not install cfn-lint; install it yourself (pip install cfn-lint) and run again.');
        process.exit(1);
      }
    }
  }
  env.PATH = `${join(venv, 'bin')}:${env.PATH}`;
}

const started = Date.now();
const result = spawnSync(npm, ['test'], { cwd: infra, stdio: 'inherit', env });
if (result.status !== 0) process.exit(result.status ?? 1);
console.log(`infra/ tests: ${Math.round((Date.now() - started) / 1000)} s`);
