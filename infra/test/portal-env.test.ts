import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { mergeEnvFile, PORTAL_ENV_OUTPUTS, portalEnvFromOutputs } from '../lib/portal-env.js';

const outputs = {
  NextAuthUrl: 'https://security.example.com',
  CognitoRegion: 'eu-west-1',
  CognitoUserPoolId: 'eu-west-1_AbC123xyz',
  CognitoClientId: '1example23456789abcdefghij',
  CognitoDomain: 'my-portal.auth.eu-west-1.amazoncognito.com',
};

test('every output is a variable the portal reads (.env.example names it)', () => {
  const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
  const names = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
  for (const name of Object.keys(PORTAL_ENV_OUTPUTS)) assert.ok(names.has(name), `${name} is not in .env.example`);
});

test('outputs become the variables; a missing one is named', () => {
  assert.deepEqual(portalEnvFromOutputs(outputs), {
    NEXTAUTH_URL: 'https://security.example.com',
    COGNITO_REGION: 'eu-west-1',
    COGNITO_USER_POOL_ID: 'eu-west-1_AbC123xyz',
    COGNITO_CLIENT_ID: '1example23456789abcdefghij',
    COGNITO_DOMAIN: 'my-portal.auth.eu-west-1.amazoncognito.com',
  });
  assert.throws(() => portalEnvFromOutputs({ ...outputs, CognitoClientId: '' }), /CognitoClientId \(COGNITO_CLIENT_ID\)/);
});

test('merging into an env file replaces those variables, keeps the rest and an existing secret', () => {
  const env = portalEnvFromOutputs(outputs);
  const fresh = mergeEnvFile('', env, () => 'generated');
  assert.match(fresh, /^NEXTAUTH_URL=https:\/\/security\.example\.com$/m);
  assert.match(fresh, /^NEXTAUTH_SECRET=generated$/m);
  const merged = mergeEnvFile('# mine\nNEXTAUTH_SECRET=kept\nCOGNITO_CLIENT_ID=old\nEMBED_ALLOWED_ORIGINS=https://app.example.com\n', env, () => 'generated');
  assert.equal(
    merged,
    '# mine\nNEXTAUTH_SECRET=kept\nCOGNITO_CLIENT_ID=1example23456789abcdefghij\nEMBED_ALLOWED_ORIGINS=https://app.example.com\n' +
      'NEXTAUTH_URL=https://security.example.com\nCOGNITO_REGION=eu-west-1\nCOGNITO_USER_POOL_ID=eu-west-1_AbC123xyz\nCOGNITO_DOMAIN=my-portal.auth.eu-west-1.amazoncognito.com\n',
  );
});
