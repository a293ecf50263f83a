import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_DEMO_PASSWORD } from './config';
import { snapshot, startTestPool, type TestPool } from './testing/harness';

let t: TestPool;
before(async () => {
  t = await startTestPool();
});
after(() => t.close());

const post = (headers: Record<string, string>, body: string) => fetch(`${t.pool.info.endpoint}/`, { method: 'POST', headers, body });

describe('AWS JSON 1.1 wire protocol', () => {
  it('answers an operation it does not implement as an unknown operation', async () => {
    const result = await t.call('CreateUserPool', { PoolName: 'x' });
    assert.equal(result.status, 400);
    assert.equal(result.body.__type, 'UnknownOperationException');
    assert.equal(result.headers.get('x-amzn-errortype'), 'UnknownOperationException');
  });

  it('treats a missing or foreign target as unknown', async () => {
    const missing = await post({ 'Content-Type': 'application/x-amz-json-1.1' }, '{}');
    assert.equal(missing.status, 400);
    assert.equal(((await missing.json()) as { __type: string }).__type, 'UnknownOperationException');
    const foreign = await post({ 'X-Amz-Target': 'DynamoDB_20120810.GetUser' }, '{}');
    assert.equal(((await foreign.json()) as { __type: string }).__type, 'UnknownOperationException');
    const inherited = await post({ 'X-Amz-Target': 'AWSCognitoIdentityProviderService.toString' }, '{}');
    assert.equal(((await inherited.json()) as { __type: string }).__type, 'UnknownOperationException');
  });

  it('runs nothing for a target that is not exactly AWSCognitoIdentityProviderService.<Operation>', async () => {
    const { AccessToken } = await t.signIn();
    const body = JSON.stringify({ AccessToken });
    const exact = await post({ 'X-Amz-Target': 'AWSCognitoIdentityProviderService.GetUser' }, body);
    assert.equal(exact.status, 200);
    for (const target of [
      'AWSCognitoIdentityProviderService.GetUser.Extra',
      'AWSCognitoIdentityProviderService.GetUser.',
      'AWSCognitoIdentityProviderService..GetUser',
      'AWSCognitoIdentityProviderService.Get-User',
      'x.AWSCognitoIdentityProviderService.GetUser',
      'AWSCognitoIdentityProviderService',
      'AWSCognitoIdentityProviderService.',
    ]) {
      const response = await post({ 'X-Amz-Target': target }, body);
      assert.equal(response.status, 400, target);
      assert.deepEqual(await response.json(), { __type: 'UnknownOperationException', message: '' }, target);
    }
  });

  it('refuses a malformed nested structure before the operation runs, changing nothing', async () => {
    const signIn = { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: t.pool.info.clientId, AuthParameters: { USERNAME: 'demo', PASSWORD: DEFAULT_DEMO_PASSWORD } };
    const before = snapshot(t.pool);
    for (const extra of [{ AnalyticsMetadata: 'x' }, { UserContextData: [1, 2] }, { UserContextData: { IpAddress: 1 } }]) {
      const result = await t.call('InitiateAuth', { ...signIn, ...extra });
      assert.equal(result.status, 400, JSON.stringify(extra));
      assert.equal(result.body.__type, 'InvalidParameterException');
    }
    assert.equal(snapshot(t.pool), before);
    assert.equal((await t.call('InitiateAuth', { ...signIn, UserContextData: { IpAddress: '192.0.2.1' } })).status, 200);
  });

  it('refuses a body that is not JSON', async () => {
    const result = await t.call('GetUser', '{not json');
    assert.equal(result.status, 400);
    assert.equal(result.body.__type, 'SerializationException');
  });

  it('refuses an oversized body with a clear error and stays up', async () => {
    const response = await post({ 'X-Amz-Target': 'AWSCognitoIdentityProviderService.GetUser' }, 'a'.repeat(2 * 1024 * 1024));
    assert.equal(response.status, 400);
    const body = (await response.json()) as { __type: string; message: string };
    assert.equal(body.__type, 'InvalidParameterException');
    assert.match(body.message, /larger than/);
    assert.equal((await t.call('GetUser', { AccessToken: 'abc' })).body.__type, 'NotAuthorizedException');
  });

  it('sends errors in Cognito shape: __type, message, x-amzn-ErrorType, JSON 1.1 content type', async () => {
    const result = await t.call('GetUser', { AccessToken: 'not.a.token' });
    assert.equal(result.status, 400, 'as the real service answers (errors.ts wireStatus), not the model’s 403');
    assert.deepEqual(result.body, { __type: 'NotAuthorizedException', message: 'Invalid Access Token' });
    assert.equal(result.headers.get('content-type'), 'application/x-amz-json-1.1');
    assert.ok(result.headers.get('x-amzn-requestid'));
  });

  it('answers CORS preflight for browser SDKs', async () => {
    const response = await fetch(`${t.pool.info.endpoint}/`, { method: 'OPTIONS' });
    assert.equal(response.status, 204);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /x-amz-target/);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /cache-control/);
  });

  it('allows the headers Amplify JS v6 asks for in its preflight, cache-control: no-store included', async () => {
    // What Chromium sends before Amplify's first user-pool call from another origin (amplify-js
    // cognitoUserPoolTransferHandler.ts adds cache-control; the retry and user-agent middleware the rest).
    const requested = 'amz-sdk-invocation-id,amz-sdk-request,cache-control,content-type,x-amz-target,x-amz-user-agent';
    const response = await fetch(`${t.pool.info.endpoint}/`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:4401', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': requested },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /\bPOST\b/);
    const allowed = new Set((response.headers.get('access-control-allow-headers') ?? '').split(',').map((h) => h.trim()));
    for (const header of requested.split(',')) assert.ok(allowed.has(header), `${header} is not allowed`);
    // A malformed request list is not echoed; the SDK headers are offered instead.
    const malformed = await fetch(`${t.pool.info.endpoint}/`, { method: 'OPTIONS', headers: { 'Access-Control-Request-Headers': 'x-ok, bad header (name)' } });
    assert.doesNotMatch(malformed.headers.get('access-control-allow-headers') ?? '', /bad|x-ok/);
    assert.match(malformed.headers.get('access-control-allow-headers') ?? '', /x-amz-target/);
  });

  it('lets a cross-origin page read the error type and request ID of an answer', async () => {
    const result = await t.call('GetUser', { AccessToken: 'not.a.token' });
    assert.equal(result.headers.get('access-control-allow-origin'), '*');
    assert.match(result.headers.get('access-control-expose-headers') ?? '', /x-amzn-errortype/);
  });
});

describe('fault injection', () => {
  it('raises the configured error for the chosen operation only', async () => {
    await t.admin('PUT', '/_local/faults', { GetUser: { error: 'TooManyRequestsException' } });
    try {
      const tokens = await t.signIn();
      const throttled = await t.call('GetUser', { AccessToken: tokens.AccessToken });
      assert.equal(throttled.status, 400);
      assert.equal(throttled.body.__type, 'TooManyRequestsException');
      const other = await t.call('ListDevices', { AccessToken: tokens.AccessToken });
      assert.equal(other.status, 200);
    } finally {
      await t.admin('PUT', '/_local/faults', {});
    }
  });

  it('adds latency and internal errors, and applies "*" to every operation', async () => {
    await t.admin('PUT', '/_local/faults', { '*': { latencyMs: 120 }, ListDevices: { error: 'InternalErrorException' } });
    try {
      const started = Date.now();
      const result = await t.call('ListDevices', { AccessToken: 'x' });
      assert.ok(Date.now() - started >= 100, 'latency was not applied');
      assert.equal(result.status, 500);
      assert.equal(result.body.__type, 'InternalErrorException');
    } finally {
      await t.admin('PUT', '/_local/faults', {});
    }
  });

  it('refuses malformed fault rules and keeps the old ones', async () => {
    const bad = await t.admin('PUT', '/_local/faults', { GetUser: { latencyMs: -5 } });
    assert.equal(bad.status, 400);
    assert.deepEqual(t.pool.ctx.config.faults, {});
  });

  it('refuses an error the operation cannot raise per the model', async () => {
    const bad = await t.admin('PUT', '/_local/faults', { RevokeToken: { error: 'NotAuthorizedException' } });
    assert.equal(bad.status, 400);
    assert.match(String(bad.body.message), /RevokeToken can raise/);
    assert.deepEqual(t.pool.ctx.config.faults, {});
  });
});

describe('the control API', () => {
  it('is refused without the admin token', async () => {
    const response = await fetch(`${t.pool.info.endpoint}/_local/faults`, { method: 'PUT', body: '{}' });
    assert.equal(response.status, 401);
  });
});

describe('control API settings', () => {
  it('refuses out-of-range settings and applies none of a bad request', async () => {
    const before = JSON.stringify(t.pool.ctx.config);
    const bad = await t.admin('PATCH', '/_local/settings', { maxPasskeysPerUser: 3, challengeTtlSeconds: -1 });
    assert.equal(bad.status, 400);
    assert.match(String(bad.body.message), /challengeTtlSeconds/);
    assert.equal(JSON.stringify(t.pool.ctx.config), before);
    const good = await t.admin('PATCH', '/_local/settings', { maxPasskeysPerUser: 3 });
    assert.equal(good.status, 200);
    assert.equal(t.pool.ctx.config.webauthn.maxPasskeysPerUser, 3);
  });
});
