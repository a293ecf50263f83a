import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadPortalConfig, PortalConfigError, type Env } from './env';

const SECRET = 'x'.repeat(32);

const realPool: Env = {
  NEXTAUTH_URL: 'https://security.example.com',
  NEXTAUTH_SECRET: SECRET,
  COGNITO_REGION: 'eu-west-1',
  COGNITO_USER_POOL_ID: 'eu-west-1_AbC123xyz',
  COGNITO_CLIENT_ID: '1example23456789abcdefghij',
  COGNITO_DOMAIN: 'my-portal.auth.eu-west-1.amazoncognito.com',
};

const localPool: Env = {
  NEXTAUTH_URL: 'http://localhost:3000',
  NEXTAUTH_SECRET: SECRET,
  COGNITO_LOCAL_ENDPOINT: 'http://localhost:9333',
  COGNITO_REGION: 'local-1',
  COGNITO_USER_POOL_ID: 'local-1_AbC123xyz',
  COGNITO_CLIENT_ID: 'abcdefghijklmnopqrstuvwxyz',
};

/** Asserts that loading fails with a PortalConfigError naming `variable`, in the error and its message. */
function assertRejects(env: Env, variable: string, messagePart?: RegExp) {
  assert.throws(
    () => loadPortalConfig(env),
    (error: unknown) => {
      assert.ok(error instanceof PortalConfigError, `expected PortalConfigError, got ${String(error)}`);
      assert.equal(error.variable, variable);
      assert.match(error.message, new RegExp(variable));
      if (messagePart) assert.match(error.message, messagePart);
      return true;
    },
  );
}

describe('loadPortalConfig with a real user pool', () => {
  it('derives the issuer from region and pool, and the OAuth origin from the domain', () => {
    const config = loadPortalConfig(realPool);
    assert.equal(config.mode, 'cognito');
    assert.equal(config.cognito.issuer, 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz');
    assert.equal(config.cognito.oauthOrigin, 'https://my-portal.auth.eu-west-1.amazoncognito.com');
    assert.equal(config.cognito.sdkEndpoint, undefined);
    assert.equal(config.cognito.clientSecret, undefined);
    assert.equal(config.portalUrl, 'https://security.example.com');
    assert.equal(config.useSecureCookies, true);
  });

  it('accepts a custom domain given as a URL and keeps the client secret', () => {
    const config = loadPortalConfig({ ...realPool, COGNITO_DOMAIN: 'https://auth.example.com/', COGNITO_CLIENT_SECRET: 's3cret' });
    assert.equal(config.cognito.oauthOrigin, 'https://auth.example.com');
    assert.equal(config.cognito.clientSecret, 's3cret');
  });

  it('treats blank values as unset', () => {
    assertRejects({ ...realPool, COGNITO_CLIENT_ID: '   ' }, 'COGNITO_CLIENT_ID', /not set/);
  });

  for (const variable of ['COGNITO_REGION', 'COGNITO_USER_POOL_ID', 'COGNITO_CLIENT_ID', 'COGNITO_DOMAIN', 'NEXTAUTH_URL', 'NEXTAUTH_SECRET']) {
    it(`names ${variable} when it is missing`, () => {
      const env = { ...realPool };
      delete env[variable];
      // A domain without a pool is its own contradiction, reported under the pool's name.
      assertRejects(env, variable, /not set/);
    });
  }

  it('names COGNITO_REGION first when nothing at all is configured', () => {
    assertRejects({}, 'COGNITO_REGION', /npm start/);
  });

  it('rejects a pool ID from another region', () => {
    assertRejects({ ...realPool, COGNITO_USER_POOL_ID: 'us-east-1_AbC123xyz' }, 'COGNITO_USER_POOL_ID', /us-east-1.*eu-west-1/);
  });

  it('rejects a prefix domain from another region', () => {
    assertRejects({ ...realPool, COGNITO_DOMAIN: 'my-portal.auth.us-east-1.amazoncognito.com' }, 'COGNITO_DOMAIN', /us-east-1/);
  });

  it('rejects a domain without a pool ID', () => {
    const { COGNITO_USER_POOL_ID: _omitted, ...env } = realPool;
    assertRejects(env, 'COGNITO_USER_POOL_ID', /COGNITO_DOMAIN/);
  });

  it('rejects a client secret without a client ID', () => {
    const { COGNITO_CLIENT_ID: _omitted, ...env } = realPool;
    assertRejects({ ...env, COGNITO_CLIENT_SECRET: 's3cret' }, 'COGNITO_CLIENT_ID', /COGNITO_CLIENT_SECRET/);
  });

  it('rejects a domain together with a local endpoint', () => {
    assertRejects({ ...realPool, COGNITO_LOCAL_ENDPOINT: 'http://localhost:9333' }, 'COGNITO_DOMAIN', /COGNITO_LOCAL_ENDPOINT/);
  });

  it('rejects a plain-http domain', () => {
    assertRejects({ ...realPool, COGNITO_DOMAIN: 'http://auth.example.com' }, 'COGNITO_DOMAIN', /https/);
  });

  it('rejects a malformed region, pool ID and client ID', () => {
    assertRejects({ ...realPool, COGNITO_REGION: 'Europe' }, 'COGNITO_REGION');
    assertRejects({ ...realPool, COGNITO_USER_POOL_ID: 'AbC123xyz' }, 'COGNITO_USER_POOL_ID');
    assertRejects({ ...realPool, COGNITO_CLIENT_ID: 'has spaces' }, 'COGNITO_CLIENT_ID');
  });

  it('rejects a plain-http portal URL that is not localhost', () => {
    assertRejects({ ...realPool, NEXTAUTH_URL: 'http://security.example.com' }, 'NEXTAUTH_URL', /https/);
    assert.equal(loadPortalConfig({ ...realPool, NEXTAUTH_URL: 'http://localhost:3000' }).useSecureCookies, false);
  });

  it('rejects a portal URL with a path or that is not a URL', () => {
    assertRejects({ ...realPool, NEXTAUTH_URL: 'https://example.com/portal' }, 'NEXTAUTH_URL', /without a path/);
    assertRejects({ ...realPool, NEXTAUTH_URL: 'example.com' }, 'NEXTAUTH_URL', /absolute/);
  });

  it('rejects a short session secret', () => {
    assertRejects({ ...realPool, NEXTAUTH_SECRET: 'short' }, 'NEXTAUTH_SECRET', /32/);
  });
});

describe('loadPortalConfig with the local pool', () => {
  it('serves the SDK, OIDC and logout from the local endpoint', () => {
    const config = loadPortalConfig(localPool);
    assert.equal(config.mode, 'local-pool');
    assert.equal(config.cognito.sdkEndpoint, 'http://localhost:9333');
    assert.equal(config.cognito.oauthOrigin, 'http://localhost:9333');
    assert.equal(config.cognito.issuer, 'http://localhost:9333/local-1_AbC123xyz');
    assert.equal(config.useSecureCookies, false);
  });

  it('still needs the pool, client and region', () => {
    for (const variable of ['COGNITO_REGION', 'COGNITO_USER_POOL_ID', 'COGNITO_CLIENT_ID']) {
      const env = { ...localPool };
      delete env[variable];
      assertRejects(env, variable, /npm start/);
    }
  });

  it('rejects a pool ID whose prefix differs from the region', () => {
    assertRejects({ ...localPool, COGNITO_USER_POOL_ID: 'local-2_AbC123xyz' }, 'COGNITO_USER_POOL_ID', /local-2/);
  });

  it('rejects an endpoint that is not an origin', () => {
    assertRejects({ ...localPool, COGNITO_LOCAL_ENDPOINT: 'localhost:9333' }, 'COGNITO_LOCAL_ENDPOINT');
    assertRejects({ ...localPool, COGNITO_LOCAL_ENDPOINT: 'http://localhost:9333/pool' }, 'COGNITO_LOCAL_ENDPOINT', /without a path/);
  });
});

describe('PASSKEY_DETAILS_ATTRIBUTE', () => {
  it('defaults to custom:passkeys, takes another custom attribute, or none', () => {
    assert.equal(loadPortalConfig(localPool).passkeyDetailsAttribute, 'custom:passkeys');
    assert.equal(loadPortalConfig({ ...localPool, PASSKEY_DETAILS_ATTRIBUTE: 'custom:keys_v2' }).passkeyDetailsAttribute, 'custom:keys_v2');
    assert.equal(loadPortalConfig({ ...localPool, PASSKEY_DETAILS_ATTRIBUTE: 'none' }).passkeyDetailsAttribute, null);
  });

  it('rejects names that are not custom attributes', () => {
    for (const value of ['email', 'custom:', 'custom:' + 'x'.repeat(21), 'custom:a b']) {
      assertRejects({ ...localPool, PASSKEY_DETAILS_ATTRIBUTE: value }, 'PASSKEY_DETAILS_ATTRIBUTE', /custom attribute/);
    }
  });
});

describe('STEP_UP_MAX_AGE', () => {
  it('defaults to ten minutes and takes whole seconds', () => {
    assert.equal(loadPortalConfig(localPool).stepUpMaxAgeSeconds, 600);
    assert.equal(loadPortalConfig({ ...localPool, STEP_UP_MAX_AGE: '120' }).stepUpMaxAgeSeconds, 120);
    assert.equal(loadPortalConfig({ ...realPool, STEP_UP_MAX_AGE: ' 86400 ' }).stepUpMaxAgeSeconds, 86_400);
  });

  it('rejects anything but whole seconds from 10 to a day', () => {
    for (const value of ['9', '86401', '10m', '-60', '1.5', '0x20', 'ten']) {
      assertRejects({ ...localPool, STEP_UP_MAX_AGE: value }, 'STEP_UP_MAX_AGE', /whole number of seconds/);
    }
  });
});
