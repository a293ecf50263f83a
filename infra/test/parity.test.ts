// One definition for both pools: the template the CDK app synthesizes and the local pool's
// effective configuration (what `npm run pool` boots with, from the same definition) must agree on
// every setting the portal depends on. A change to either side alone fails here.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readParameters } from '../lib/parameters.js';
import { PortalUserPoolStack } from '../lib/portal-user-pool-stack.js';

/** The part of lib/local-pool/config.ts's PoolConfig compared here (typed here: infra/ has its own compiler settings). */
type LocalPoolConfig = {
  callbackUrls: string[];
  logoutUrls: string[];
  webauthn: { enabled: boolean; relyingPartyId: string; userVerification: string };
  tokens: { accessTtlSeconds: number; idTtlSeconds: number; refreshTtlSeconds: number };
  sessions: { authFlowTtlSeconds: number };
  userPool: { customAttributes: { name: string; minLength: number; maxLength: number }[] };
  signIn: { allowedFirstAuthFactors: string[] };
  deviceTracking: { challengeRequiredOnNewDevice: boolean; deviceOnlyRememberedOnUserPrompt: boolean };
  portalClient: { readAttributes: string[]; writeAttributes: string[]; refreshTokenRotation: { feature: string; retryGracePeriodSeconds: number } };
};
const localPoolConfigModule = new URL('../../lib/local-pool/config.ts', import.meta.url).href;
const { loadPoolConfig } = (await import(localPoolConfigModule)) as { loadPoolConfig: (env: Record<string, string>) => LocalPoolConfig };

const dataDir = mkdtempSync(join(tmpdir(), 'portal-parity-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

type Resource = { Type: string; Properties: Record<string, unknown> };

function both(portalUrl: string) {
  const app = new App();
  const template = Template.fromStack(new PortalUserPoolStack(app, 'Parity', readParameters((key) => ({ portalUrl, domainPrefix: 'parity' })[key])));
  const resources = Object.values(template.toJSON().Resources as Record<string, Resource>);
  const one = (type: string) => {
    const found = resources.filter((r) => r.Type === type);
    assert.equal(found.length, 1, type);
    return found[0].Properties;
  };
  const local = loadPoolConfig({ LOCAL_POOL_PORTAL_URL: portalUrl, LOCAL_POOL_DATA: join(dataDir, 'state.json') });
  return { pool: one('AWS::Cognito::UserPool'), client: one('AWS::Cognito::UserPoolClient'), local };
}

const sorted = (values: unknown) => [...(values as string[])].sort();

for (const portalUrl of ['http://localhost:3000', 'https://security.example.com']) {
  test(`the deployed pool and the local pool agree, for a portal at ${portalUrl}`, () => {
    const { pool, client, local } = both(portalUrl);

    // Passkeys: the relying-party ID rule and user verification.
    assert.equal(local.webauthn.enabled, true);
    assert.equal(pool.WebAuthnRelyingPartyID, local.webauthn.relyingPartyId);
    assert.equal(pool.WebAuthnUserVerification, local.webauthn.userVerification);

    // Choice-based sign-in.
    assert.deepEqual(sorted((pool.Policies as { SignInPolicy: { AllowedFirstAuthFactors: string[] } }).SignInPolicy.AllowedFirstAuthFactors), sorted(local.signIn.allowedFirstAuthFactors));

    // Device tracking.
    assert.deepEqual(pool.DeviceConfiguration, {
      ChallengeRequiredOnNewDevice: local.deviceTracking.challengeRequiredOnNewDevice,
      DeviceOnlyRememberedOnUserPrompt: local.deviceTracking.deviceOnlyRememberedOnUserPrompt,
    });

    // Custom attributes (CloudFormation names them without the prefix; lengths are strings there).
    const schema = (pool.Schema as { Name: string; AttributeDataType?: string; Mutable: boolean; StringAttributeConstraints?: { MinLength: string; MaxLength: string } }[])
      .filter((a) => a.AttributeDataType === 'String' && a.StringAttributeConstraints)
      .map((a) => ({ name: `custom:${a.Name}`, minLength: Number(a.StringAttributeConstraints!.MinLength), maxLength: Number(a.StringAttributeConstraints!.MaxLength), mutable: a.Mutable }));
    assert.deepEqual(schema, local.userPool.customAttributes.map((a) => ({ ...a, mutable: true })));

    // The app client's attribute permissions and refresh-token rotation.
    assert.deepEqual(sorted(client.ReadAttributes), sorted(local.portalClient.readAttributes));
    assert.deepEqual(sorted(client.WriteAttributes), sorted(local.portalClient.writeAttributes));
    assert.deepEqual(client.RefreshTokenRotation, {
      Feature: local.portalClient.refreshTokenRotation.feature,
      RetryGracePeriodSeconds: local.portalClient.refreshTokenRotation.retryGracePeriodSeconds,
    });

    // Callback and sign-out URLs.
    assert.deepEqual(client.CallbackURLs, local.callbackUrls);
    assert.deepEqual(client.LogoutURLs, local.logoutUrls);

    // Token lifetimes (the template counts in minutes).
    assert.deepEqual(client.TokenValidityUnits, { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' });
    assert.equal(Number(client.AccessTokenValidity) * 60, local.tokens.accessTtlSeconds);
    assert.equal(Number(client.IdTokenValidity) * 60, local.tokens.idTtlSeconds);
    assert.equal(Number(client.RefreshTokenValidity) * 60, local.tokens.refreshTtlSeconds);
    assert.equal(Number(client.AuthSessionValidity) * 60, local.sessions.authFlowTtlSeconds);
  });
}
