import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParameterError, readParameters, relyingPartyIdFor } from '../lib/parameters.js';

const read = (context: Record<string, string>) => readParameters((key) => context[key]);
const cert = 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123';

test('the portal URL is required, https (http only for localhost) and an origin', () => {
  assert.throws(() => read({ domainPrefix: 'p' }), /portalUrl= is required/);
  assert.throws(() => read({ portalUrl: 'http://security.example.com', domainPrefix: 'p' }), /must be https/);
  assert.throws(() => read({ portalUrl: 'https://security.example.com/app', domainPrefix: 'p' }), /without a path/);
  assert.equal(read({ portalUrl: 'http://localhost:3000', domainPrefix: 'p' }).portalUrl, 'http://localhost:3000');
});

test('a domain prefix or a custom domain with its us-east-1 certificate', () => {
  assert.throws(() => read({ portalUrl: 'https://a.example.com' }), /domainPrefix= is required/);
  assert.throws(() => read({ portalUrl: 'https://a.example.com', domainPrefix: 'my-cognito' }), /without "aws", "amazon" or "cognito"/);
  assert.throws(() => read({ portalUrl: 'https://a.example.com', customDomain: 'auth.example.com' }), /CertificateArn= is required/);
  assert.throws(
    () => read({ portalUrl: 'https://a.example.com', customDomain: 'auth.example.com', customDomainCertificateArn: cert.replace('us-east-1', 'eu-west-1') }),
    /us-east-1/,
  );
  assert.throws(() => read({ portalUrl: 'https://a.example.com', domainPrefix: 'p', customDomainCertificateArn: cert }), /customDomain= is not/);
  const custom = read({ portalUrl: 'https://a.example.com', customDomain: 'Auth.Example.com', customDomainCertificateArn: cert, domainPrefix: 'ignored' });
  assert.deepEqual(custom.customDomain, { domainName: 'auth.example.com', certificateArn: cert });
  assert.equal(custom.domainPrefix, undefined);
});

test('the RP ID rule: the portal host, or its common parent with the custom domain; an override must cover the portal', () => {
  assert.equal(relyingPartyIdFor('security.example.com'), 'security.example.com');
  assert.equal(relyingPartyIdFor('security.example.com', 'auth.example.com'), 'example.com');
  assert.equal(relyingPartyIdFor('example.com', 'auth.example.com'), 'example.com');
  assert.throws(() => relyingPartyIdFor('security.example.com', 'auth.example.org'), ParameterError);
  assert.equal(read({ portalUrl: 'https://security.example.com', domainPrefix: 'p', relyingPartyId: 'example.com' }).relyingPartyId, 'example.com');
  assert.throws(() => read({ portalUrl: 'https://security.example.com', domainPrefix: 'p', relyingPartyId: 'other.example.com' }), /does not cover/);
  assert.throws(() => read({ portalUrl: 'https://security.example.com', domainPrefix: 'p', relyingPartyId: 'ample.com' }), /does not cover/);
});

test('self sign-up is off unless asked for', () => {
  assert.equal(read({ portalUrl: 'https://a.example.com', domainPrefix: 'p' }).selfSignUp, false);
  assert.equal(read({ portalUrl: 'https://a.example.com', domainPrefix: 'p', selfSignUp: 'true' }).selfSignUp, true);
  assert.throws(() => read({ portalUrl: 'https://a.example.com', domainPrefix: 'p', selfSignUp: 'yes' }), /true or false/);
});
