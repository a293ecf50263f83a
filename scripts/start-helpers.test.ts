import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkPortalUrlMatchesPort, cognitoVariablesSet, firstJsonLine, localSessionSecret, needsBuild, portalEnvForLocalPool, portalListenHost, portalPort, portalUrlFromEnv, frameAncestorsAllow } from './start-helpers.mjs';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'start-helpers-'));
  dirs.push(dir);
  return dir;
};
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('choosing between the local pool and a configured one', () => {
  it('uses the local pool only when no Cognito variable is set', () => {
    assert.deepEqual(cognitoVariablesSet({ PORT: '3000', NEXTAUTH_SECRET: 'x' }), []);
    assert.deepEqual(cognitoVariablesSet({ COGNITO_REGION: ' ' }), []);
    assert.deepEqual(cognitoVariablesSet({ COGNITO_DOMAIN: 'auth.example.com', COGNITO_CLIENT_ID: 'c' }), ['COGNITO_CLIENT_ID', 'COGNITO_DOMAIN']);
  });

  it('hands the pool’s details to the portal', () => {
    const env = portalEnvForLocalPool({ endpoint: 'http://localhost:9333', region: 'local-1', userPoolId: 'local-1_A', clientId: 'c1' }, 'http://localhost:3000', 'secret');
    assert.deepEqual(env, {
      NEXTAUTH_URL: 'http://localhost:3000',
      NEXTAUTH_SECRET: 'secret',
      COGNITO_LOCAL_ENDPOINT: 'http://localhost:9333',
      COGNITO_REGION: 'local-1',
      COGNITO_USER_POOL_ID: 'local-1_A',
      COGNITO_CLIENT_ID: 'c1',
    });
  });
});

describe('portalPort', () => {
  it('defaults to 3000 and follows PORT', () => {
    assert.equal(portalPort({}), 3000);
    assert.equal(portalPort({ PORT: '3100' }), 3100);
  });

  it('names PORT when it is not a port', () => {
    assert.throws(() => portalPort({ PORT: 'abc' }), /PORT/);
    assert.throws(() => portalPort({ PORT: '70000' }), /PORT/);
  });
});

describe('portalUrlFromEnv', () => {
  it('is NEXTAUTH_URL when set, else localhost on PORT (3000 by default)', () => {
    assert.equal(portalUrlFromEnv({}), 'http://localhost:3000');
    assert.equal(portalUrlFromEnv({ PORT: '3100' }), 'http://localhost:3100');
    assert.equal(portalUrlFromEnv({ NEXTAUTH_URL: ' https://security.example.com ', PORT: '3100' }), 'https://security.example.com');
    assert.equal(portalUrlFromEnv({ NEXTAUTH_URL: '  ' }), 'http://localhost:3000');
  });
});

describe('frameAncestorsAllow', () => {
  const HOST = 'http://127.0.0.1:4100';
  it('allows an origin the directive lists, and only that one', () => {
    const csp = "default-src 'self'; frame-ancestors http://127.0.0.1:4100 https://app.example; object-src 'none'";
    assert.deepEqual(frameAncestorsAllow(csp, HOST), { allowed: true, listed: [HOST, 'https://app.example'] });
    assert.equal(frameAncestorsAllow(csp, 'http://127.0.0.1:4101').allowed, false);
    assert.equal(frameAncestorsAllow(csp, 'http://localhost:4100').allowed, false);
  });

  it("refuses everyone under 'none', and allows anyone without the directive", () => {
    assert.deepEqual(frameAncestorsAllow("default-src 'self'; frame-ancestors 'none'", HOST), { allowed: false, listed: [] });
    assert.deepEqual(frameAncestorsAllow("default-src 'self'", HOST), { allowed: true, listed: null });
    assert.deepEqual(frameAncestorsAllow(null, HOST), { allowed: true, listed: null });
  });
});

describe('portalListenHost', () => {
  it('keeps a portal on the local pool (whose demo password is published) on loopback', () => {
    assert.equal(portalListenHost({}, true), '127.0.0.1');
    assert.equal(portalListenHost({ PORTAL_LISTEN_HOST: '  ' }, true), '127.0.0.1');
  });

  it('opens up where PORTAL_LISTEN_HOST says, and leaves a real pool’s portal to Next’s default', () => {
    assert.equal(portalListenHost({ PORTAL_LISTEN_HOST: '0.0.0.0' }, true), '0.0.0.0');
    assert.equal(portalListenHost({ PORTAL_LISTEN_HOST: '::' }, true), '::');
    assert.equal(portalListenHost({ PORTAL_LISTEN_HOST: 'portal.internal' }, false), 'portal.internal');
    assert.equal(portalListenHost({}, false), undefined);
  });

  it('names PORTAL_LISTEN_HOST when it is not a host or address', () => {
    for (const bad of ['0.0.0.0 --inspect', 'http://0.0.0.0', '-H']) assert.throws(() => portalListenHost({ PORTAL_LISTEN_HOST: bad }, true), /PORTAL_LISTEN_HOST/, bad);
  });
});

describe('checkPortalUrlMatchesPort', () => {
  it('refuses a local NEXTAUTH_URL on another port than PORT, naming both', () => {
    const env = { NEXTAUTH_URL: 'http://localhost:3000', PORT: '4000' };
    assert.throws(() => checkPortalUrlMatchesPort(env, portalPort(env)), (error: Error) => /NEXTAUTH_URL/.test(error.message) && /PORT is 4000/.test(error.message) && /port 3000/.test(error.message));
    const unsetPort = { NEXTAUTH_URL: 'http://127.0.0.1:4000' };
    assert.throws(() => checkPortalUrlMatchesPort(unsetPort, portalPort(unsetPort)), /PORT is unset, so the portal listens on 3000/);
    assert.throws(() => checkPortalUrlMatchesPort({ NEXTAUTH_URL: 'http://localhost', PORT: '3000' }, 3000), /port 80\b/);
  });

  it('accepts agreeing values, no NEXTAUTH_URL, and a public URL served through a proxy', () => {
    assert.doesNotThrow(() => checkPortalUrlMatchesPort({ NEXTAUTH_URL: 'http://localhost:4000', PORT: '4000' }, 4000));
    assert.doesNotThrow(() => checkPortalUrlMatchesPort({ NEXTAUTH_URL: 'http://localhost:3000/' }, 3000));
    assert.doesNotThrow(() => checkPortalUrlMatchesPort({ PORT: '4000' }, 4000));
    assert.doesNotThrow(() => checkPortalUrlMatchesPort({ NEXTAUTH_URL: 'https://security.example.com', PORT: '3000' }, 3000));
  });
});

describe('needsBuild', () => {
  it('builds when there is no build, or a source is newer than it, but not for tests or the pool', () => {
    const root = tempDir();
    mkdirSync(join(root, 'app'));
    mkdirSync(join(root, 'lib', 'local-pool'), { recursive: true });
    writeFileSync(join(root, 'app', 'page.tsx'), '');
    assert.equal(needsBuild(root), true);

    mkdirSync(join(root, '.next'));
    writeFileSync(join(root, '.next', 'BUILD_ID'), 'x');
    const built = statSync(join(root, '.next', 'BUILD_ID')).mtime;
    const older = new Date(built.getTime() - 60_000);
    const newer = new Date(built.getTime() + 60_000);
    utimesSync(join(root, 'app', 'page.tsx'), older, older);
    assert.equal(needsBuild(root), false);

    writeFileSync(join(root, 'app', 'page.test.ts'), '');
    writeFileSync(join(root, 'lib', 'local-pool', 'main.ts'), '');
    utimesSync(join(root, 'app', 'page.test.ts'), newer, newer);
    utimesSync(join(root, 'lib', 'local-pool', 'main.ts'), newer, newer);
    assert.equal(needsBuild(root), false);

    utimesSync(join(root, 'app', 'page.tsx'), newer, newer);
    assert.equal(needsBuild(root), true);
  });
});

describe('localSessionSecret', () => {
  it('prefers NEXTAUTH_SECRET, else generates one once and keeps it owner-only', () => {
    const file = join(tempDir(), 'sub', 'nextauth-secret');
    assert.equal(localSessionSecret({ NEXTAUTH_SECRET: 'given' }, file), 'given');
    const first = localSessionSecret({}, file);
    assert.ok(first.length >= 32);
    assert.equal(localSessionSecret({}, file), first);
    assert.equal(statSync(file).mode & 0o777, 0o600);
  });
});

describe('firstJsonLine', () => {
  it('skips npm’s warnings and parses the first JSON line', async () => {
    const child = spawn(process.execPath, ['-e', 'console.log("npm warn x"); console.log(JSON.stringify({ ok: 1 })); setTimeout(() => {}, 5000)']);
    try {
      assert.deepEqual(await firstJsonLine(child, 5000, 'child'), { ok: 1 });
    } finally {
      child.kill();
    }
  });

  it('fails when the process ends first', async () => {
    const child = spawn(process.execPath, ['-e', 'process.exit(3)']);
    await assert.rejects(firstJsonLine(child, 5000, 'The pool'), /The pool exited \(code 3\)/);
  });
});
