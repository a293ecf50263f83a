import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const root = fileURLToPath(new URL('..', import.meta.url));
// Nothing from the caller's environment may decide the outcome.
const OWN_VARIABLES = /^(COGNITO_|NEXTAUTH_|LOCAL_POOL_|PORT$|PORTAL_LISTEN_HOST$|EMBED_ALLOWED_ORIGINS$|STEP_UP_MAX_AGE$)/;

function npmStart(env: Record<string, string>, timeoutMs = 20_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !OWN_VARIABLES.test(name)));
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env: { ...inherited, ...env } as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm start was still running after ${timeoutMs / 1000} s:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm start with unusable configuration', () => {
  it('stops before building, with exit code 1 and a message naming the missing variable', async () => {
    const { code, stdout, stderr } = await npmStart({ COGNITO_REGION: 'eu-west-1' });
    assert.equal(code, 1);
    assert.match(stderr, /COGNITO_USER_POOL_ID is not set/);
    assert.doesNotMatch(stdout + stderr, /Building the portal|next build/);
  });

  it('stops when NEXTAUTH_URL and PORT disagree, naming both', async () => {
    const { code, stderr } = await npmStart({ NEXTAUTH_URL: 'http://localhost:3000', PORT: '4000' });
    assert.equal(code, 1);
    assert.match(stderr, /NEXTAUTH_URL .* PORT is 4000/);
  });

  it('stops before building when PORTAL_LISTEN_HOST is not an address, naming it', async () => {
    const { code, stdout, stderr } = await npmStart({ PORTAL_LISTEN_HOST: '0.0.0.0 --inspect' });
    assert.equal(code, 1);
    assert.match(stderr, /PORTAL_LISTEN_HOST must be a host name or IP address/);
    assert.doesNotMatch(stdout + stderr, /Building the portal|next build/);
  });
});
