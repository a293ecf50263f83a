// The contract with the real AWS SDK: the pool runs as its own process and is driven
// through @aws-sdk/client-cognito-identity-provider with nothing but `endpoint` set.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CognitoIdentityProviderClient,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ListDevicesCommand,
  NotAuthorizedException,
  InvalidParameterException,
  ResourceNotFoundException,
  ForgetDeviceCommand,
  TooManyRequestsException,
  StartWebAuthnRegistrationCommand,
  CompleteWebAuthnRegistrationCommand,
  ListWebAuthnCredentialsCommand,
  DeleteWebAuthnCredentialCommand,
  WebAuthnChallengeNotFoundException,
  WebAuthnOriginNotAllowedException,
  WebAuthnRelyingPartyMismatchException,
  GetTokensFromRefreshTokenCommand,
  RefreshTokenReuseException,
  UpdateUserAttributesCommand,
  GetUserAuthFactorsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { spawnPool, type PoolProcess } from './testing/pool-process';
import { SoftAuthenticator } from './testing/soft-authenticator';

const dataDir = mkdtempSync(join(tmpdir(), 'pool-contract-'));
const env = { LOCAL_POOL_PORT: '0', LOCAL_POOL_DATA: join(dataDir, 'state.json'), LOCAL_POOL_ADMIN_TOKEN: 'contract' };
let pool: PoolProcess;
let client: CognitoIdentityProviderClient;

const makeClient = (p: PoolProcess) => new CognitoIdentityProviderClient({ region: p.info.region, endpoint: p.info.endpoint, maxAttempts: 1 });
const signIn = async () => {
  const result = await client.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: pool.info.clientId, AuthParameters: { USERNAME: pool.info.demoUsername, PASSWORD: pool.info.demoPassword } }),
  );
  return result.AuthenticationResult!;
};

before(async () => {
  pool = await spawnPool(env);
  client = makeClient(pool);
});
after(async () => {
  client.destroy();
  await pool.stop();
});

describe('contract with @aws-sdk/client-cognito-identity-provider', () => {
  it('prints its details as one JSON line', () => {
    assert.match(pool.info.endpoint, /^http:\/\/localhost:\d+$/);
    assert.match(pool.info.userPoolId, /^[\w-]+_[0-9a-zA-Z]+$/);
    assert.equal(pool.info.issuer, `${pool.info.endpoint}/${pool.info.userPoolId}`);
    assert.equal(pool.info.demoUsername, 'demo');
  });

  it('signs in and reads the user', async () => {
    const tokens = await signIn();
    assert.equal(tokens.TokenType, 'Bearer');
    const user = await client.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
    assert.equal(user.Username, 'demo');
    assert.ok(user.UserAttributes?.some((a) => a.Name === 'email'));
  });

  it('surfaces the pool’s errors as the SDK’s own exception classes', async () => {
    await assert.rejects(client.send(new GetUserCommand({ AccessToken: 'abc.def.ghi' })), (error: unknown) => {
      assert.ok(error instanceof NotAuthorizedException);
      assert.equal(error.message, 'Invalid Access Token');
      assert.equal(error.$metadata.httpStatusCode, 400, "as the real service answers, not the model's 403");
      return true;
    });
    const { AccessToken } = await signIn();
    await assert.rejects(client.send(new ListDevicesCommand({ AccessToken, Limit: 61 })), InvalidParameterException);
    await assert.rejects(client.send(new ForgetDeviceCommand({ AccessToken, DeviceKey: `${pool.info.region}_00000000-0000-0000-0000-000000000000` })), ResourceNotFoundException);
  });

  it('parses epoch-second timestamps into Dates', async () => {
    const admin = await fetch(`${pool.info.endpoint}/_local/devices`, {
      method: 'POST',
      headers: { Authorization: 'Bearer contract' },
      body: JSON.stringify({ username: 'demo', count: 1, name: 'Safari on iOS' }),
    });
    assert.equal(admin.status, 201);
    const { AccessToken } = await signIn();
    const { Devices } = await client.send(new ListDevicesCommand({ AccessToken }));
    assert.ok(Devices![0].DeviceCreateDate instanceof Date);
    assert.ok(Math.abs(Devices![0].DeviceCreateDate!.getTime() - Date.now()) < 60_000);
  });

  it('an injected throttle reaches the SDK as TooManyRequestsException after its retries', async () => {
    const retrying = new CognitoIdentityProviderClient({ region: pool.info.region, endpoint: pool.info.endpoint, maxAttempts: 2 });
    await fetch(`${pool.info.endpoint}/_local/faults`, { method: 'PUT', headers: { Authorization: 'Bearer contract' }, body: JSON.stringify({ GetUser: { error: 'TooManyRequestsException' } }) });
    try {
      const { AccessToken } = await signIn();
      await assert.rejects(retrying.send(new GetUserCommand({ AccessToken })), (error: unknown) => {
        assert.ok(error instanceof TooManyRequestsException);
        assert.equal(error.$metadata.attempts, 2);
        return true;
      });
    } finally {
      await fetch(`${pool.info.endpoint}/_local/faults`, { method: 'PUT', headers: { Authorization: 'Bearer contract' }, body: '{}' });
      retrying.destroy();
    }
  });

  it('GetTokensFromRefreshToken: refreshes, rotates on a rotating client, and reuse is RefreshTokenReuseException', async () => {
    const { RefreshToken } = await signIn();
    const plain = await client.send(new GetTokensFromRefreshTokenCommand({ ClientId: pool.info.clientId, RefreshToken }));
    assert.ok(plain.AuthenticationResult?.AccessToken);
    assert.equal(plain.AuthenticationResult?.RefreshToken, undefined, 'no rotation on the portal client by default');

    const created = await fetch(`${pool.info.endpoint}/_local/clients`, {
      method: 'POST',
      headers: { Authorization: 'Bearer contract' },
      body: JSON.stringify({ refreshTokenRotation: { feature: 'ENABLED', retryGracePeriodSeconds: 0 } }),
    });
    const rotating = (await created.json()) as { clientId: string };
    const first = await client.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: rotating.clientId, AuthParameters: { USERNAME: pool.info.demoUsername, PASSWORD: pool.info.demoPassword } }),
    );
    const rotated = await client.send(new GetTokensFromRefreshTokenCommand({ ClientId: rotating.clientId, RefreshToken: first.AuthenticationResult!.RefreshToken! }));
    assert.ok(rotated.AuthenticationResult?.RefreshToken);
    await assert.rejects(client.send(new GetTokensFromRefreshTokenCommand({ ClientId: rotating.clientId, RefreshToken: first.AuthenticationResult!.RefreshToken! })), (error: unknown) => {
      assert.ok(error instanceof RefreshTokenReuseException);
      assert.equal(error.$metadata.httpStatusCode, 400);
      return true;
    });
  });

  it('UpdateUserAttributes and GetUser round-trip the custom attribute; GetUserAuthFactors lists PASSWORD', async () => {
    const { AccessToken } = await signIn();
    await client.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'custom:passkeys', Value: 'v1:[]' }] }));
    const user = await client.send(new GetUserCommand({ AccessToken }));
    assert.equal(user.UserAttributes?.find((a) => a.Name === 'custom:passkeys')?.Value, 'v1:[]');
    await assert.rejects(client.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'custom:other', Value: 'x' }] })), InvalidParameterException);
    const factors = await client.send(new GetUserAuthFactorsCommand({ AccessToken }));
    assert.equal(factors.Username, pool.info.demoUsername);
    assert.ok(factors.ConfiguredUserAuthFactors?.includes('PASSWORD'));
  });

  it('GlobalSignOut: the old access token is refused afterwards', async () => {
    const { AccessToken } = await signIn();
    await client.send(new GlobalSignOutCommand({ AccessToken }));
    await assert.rejects(client.send(new GetUserCommand({ AccessToken })), /revoked/);
  });

  it('registers a passkey made by a software authenticator (ES256, none attestation) and lists it', async () => {
    const { AccessToken } = await signIn();
    const authenticator = new SoftAuthenticator({ origin: pool.info.portalUrl, attachment: 'cross-platform', transports: ['usb', 'nfc'] });
    const { CredentialCreationOptions } = await client.send(new StartWebAuthnRegistrationCommand({ AccessToken }));
    const options = CredentialCreationOptions as unknown as PublicKeyCredentialCreationOptionsJSON;
    assert.equal(options.rp.id, 'localhost');
    assert.deepEqual(options.pubKeyCredParams.map((p) => p.alg), [-7, -257]);
    const credential = await authenticator.register(options);
    await client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken, Credential: credential as never }));
    const { Credentials } = await client.send(new ListWebAuthnCredentialsCommand({ AccessToken }));
    assert.equal(Credentials!.length, 1);
    assert.equal(Credentials![0].CredentialId, credential.id);
    assert.equal(Credentials![0].AuthenticatorAttachment, 'cross-platform');
    assert.deepEqual(Credentials![0].AuthenticatorTransports, ['usb', 'nfc']);
    assert.ok(Credentials![0].CreatedAt instanceof Date);

    // The same response again: its challenge is spent.
    await assert.rejects(client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken, Credential: credential as never })), WebAuthnChallengeNotFoundException);
  });

  it('refuses a ceremony from a foreign origin or for a foreign RP ID', async () => {
    const { AccessToken } = await signIn();
    const authenticator = new SoftAuthenticator({ origin: pool.info.portalUrl });
    const start = async () => (await client.send(new StartWebAuthnRegistrationCommand({ AccessToken }))).CredentialCreationOptions as unknown as PublicKeyCredentialCreationOptionsJSON;
    const foreignOrigin = await authenticator.register(await start(), { origin: 'https://evil.example' });
    await assert.rejects(client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken, Credential: foreignOrigin as never })), WebAuthnOriginNotAllowedException);
    const foreignRp = await authenticator.register(await start(), { rpId: 'evil.example' });
    await assert.rejects(client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken, Credential: foreignRp as never })), WebAuthnRelyingPartyMismatchException);
    const { Credentials } = await client.send(new ListWebAuthnCredentialsCommand({ AccessToken }));
    assert.equal(Credentials!.length, 1);
  });

  it('keeps acknowledged changes across SIGKILL and restart', async () => {
    const { AccessToken } = await signIn();
    const before = (await client.send(new ListDevicesCommand({ AccessToken }))).Devices!.map((d) => d.DeviceKey);
    const passkeys = (await client.send(new ListWebAuthnCredentialsCommand({ AccessToken }))).Credentials!;
    assert.equal(passkeys.length, 1);
    await client.send(new ForgetDeviceCommand({ AccessToken, DeviceKey: before[0] }));
    const port = new URL(pool.info.endpoint).port;
    await pool.stop('SIGKILL');
    client.destroy();
    // Same port, so the same issuer: tokens name their issuer, as Cognito's do.
    pool = await spawnPool({ ...env, LOCAL_POOL_PORT: port });
    client = makeClient(pool);
    // The same signing key and sign-in survive: the token minted before the kill still works.
    const after = (await client.send(new ListDevicesCommand({ AccessToken }))).Devices!.map((d) => d.DeviceKey);
    assert.deepEqual(after, before.slice(1));
    const survivors = (await client.send(new ListWebAuthnCredentialsCommand({ AccessToken }))).Credentials!;
    assert.deepEqual(survivors.map((c) => c.CredentialId), passkeys.map((c) => c.CredentialId));
    await client.send(new DeleteWebAuthnCredentialCommand({ AccessToken, CredentialId: passkeys[0].CredentialId! }));
    assert.equal((await client.send(new ListWebAuthnCredentialsCommand({ AccessToken }))).Credentials!.length, 0);
  });
});
