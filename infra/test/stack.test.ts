import assert from 'node:assert/strict';
import { test } from 'node:test';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { readParameters } from '../lib/parameters.js';
import { PORTAL_ENV_OUTPUTS } from '../lib/portal-env.js';
import { PortalUserPoolStack } from '../lib/portal-user-pool-stack.js';

function synth(context: Record<string, string>): Template {
  const app = new App();
  const stack = new PortalUserPoolStack(app, 'Test', readParameters((key) => context[key]));
  return Template.fromStack(stack);
}

const prefixDomain = synth({ portalUrl: 'https://security.example.com', domainPrefix: 'my-portal' });
const customDomain = synth({
  portalUrl: 'https://security.example.com',
  customDomain: 'auth.example.com',
  customDomainCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123',
});

test('the user pool: passkeys with the RP ID and user verification, choice-based sign-in, device tracking, the passkeys attribute', () => {
  prefixDomain.resourceCountIs('AWS::Cognito::UserPool', 1);
  prefixDomain.hasResourceProperties('AWS::Cognito::UserPool', {
    UserPoolTier: 'ESSENTIALS',
    WebAuthnRelyingPartyID: 'security.example.com',
    WebAuthnUserVerification: 'required',
    Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
    DeviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false },
    Schema: Match.arrayWith([{ Name: 'passkeys', AttributeDataType: 'String', Mutable: true, StringAttributeConstraints: { MinLength: '0', MaxLength: '2048' } }]),
    DeletionProtection: 'ACTIVE',
  });
  prefixDomain.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
});

test('with a custom domain the RP ID is the common parent of the portal and the domain', () => {
  customDomain.hasResourceProperties('AWS::Cognito::UserPool', { WebAuthnRelyingPartyID: 'example.com' });
});

test('managed login version 2 on the prefix domain or the custom domain, with a branding style for the client', () => {
  prefixDomain.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'my-portal', ManagedLoginVersion: 2, CustomDomainConfig: Match.absent() });
  customDomain.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
    Domain: 'auth.example.com',
    ManagedLoginVersion: 2,
    CustomDomainConfig: { CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123' },
  });
  prefixDomain.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', { UseCognitoProvidedValues: true, ClientId: Match.anyValue() });
});

test('the app client: public, code flow, the four scopes, USER_AUTH and refresh, both callbacks, sign-out URL, lifetimes, no rotation', () => {
  prefixDomain.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
  prefixDomain.hasResourceProperties('AWS::Cognito::UserPoolClient', {
    GenerateSecret: false,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
    ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    CallbackURLs: ['https://security.example.com/api/auth/callback/cognito', 'https://security.example.com/api/auth-popup/callback'],
    LogoutURLs: ['https://security.example.com/'],
    SupportedIdentityProviders: ['COGNITO'],
    AccessTokenValidity: 60,
    IdTokenValidity: 60,
    RefreshTokenValidity: 30 * 24 * 60,
    TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
    AuthSessionValidity: 3,
    EnableTokenRevocation: true,
    RefreshTokenRotation: { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 },
    ReadAttributes: Match.arrayWith(['custom:passkeys']),
    WriteAttributes: Match.arrayWith(['custom:passkeys']),
  });
});

test('the outputs are exactly the portal variables, each described by its name', () => {
  const outputs = prefixDomain.toJSON().Outputs as Record<string, { Description: string; Value: unknown }>;
  assert.deepEqual(Object.keys(outputs).sort(), Object.values(PORTAL_ENV_OUTPUTS).sort());
  for (const [name, key] of Object.entries(PORTAL_ENV_OUTPUTS)) assert.equal(outputs[key].Description, name);
  assert.equal(outputs.NextAuthUrl.Value, 'https://security.example.com');
  assert.deepEqual(outputs.CognitoRegion.Value, { Ref: 'AWS::Region' });
  assert.deepEqual(outputs.CognitoDomain.Value, { 'Fn::Join': ['', ['my-portal.auth.', { Ref: 'AWS::Region' }, '.amazoncognito.com']] });
  assert.equal((customDomain.toJSON().Outputs as typeof outputs).CognitoDomain.Value, 'auth.example.com');
});
