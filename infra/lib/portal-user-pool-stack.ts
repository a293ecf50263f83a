import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { portalPoolDefinition as definition } from '../../pool-definition/portal-pool.js';
import type { PoolParameters } from './parameters.js';
import { PORTAL_ENV_OUTPUTS } from './portal-env.js';

// Standard attribute names (as Cognito and the local pool spell them) → the CDK's names for them.
const STANDARD_ATTRIBUTES: Record<string, keyof cognito.StandardAttributesMask> = {
  email: 'email',
  email_verified: 'emailVerified',
  name: 'fullname',
  preferred_username: 'preferredUsername',
};

function clientAttributes(names: readonly string[]): cognito.ClientAttributes {
  const standard: cognito.StandardAttributesMask = {};
  const custom: string[] = [];
  for (const name of names) {
    if (name.startsWith('custom:')) custom.push(name.slice('custom:'.length));
    else if (STANDARD_ATTRIBUTES[name]) (standard as Record<string, boolean>)[STANDARD_ATTRIBUTES[name]] = true;
    else throw new Error(`No CDK name for the standard attribute "${name}"; add it to STANDARD_ATTRIBUTES.`);
  }
  return new cognito.ClientAttributes().withStandardAttributes(standard).withCustomAttributes(...custom);
}

function customAttributes(): Record<string, cognito.ICustomAttribute> {
  return Object.fromEntries(
    definition.customAttributes.map((a) => [a.name.slice('custom:'.length), new cognito.StringAttribute({ minLen: a.minLength, maxLen: a.maxLength, mutable: true })]),
  );
}

/**
 * The user pool, its managed-login domain and the portal's app client, built from the definition
 * the local pool also boots from (pool-definition/portal-pool.ts).
 */
export class PortalUserPoolStack extends Stack {
  constructor(scope: Construct, id: string, parameters: PoolParameters, props?: StackProps) {
    super(scope, id, props);
    const { portalUrl } = parameters;
    const factors: readonly string[] = definition.allowedFirstAuthFactors;
    const clientDefinition = definition.portalClient;

    const userPool = new cognito.UserPool(this, 'UserPool', {
      // Passkeys need the Essentials tier or above.
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      signInAliases: { username: true, email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: customAttributes(),
      selfSignUpEnabled: parameters.selfSignUp,
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      signInPolicy: {
        allowedFirstAuthFactors: { password: factors.includes('PASSWORD'), passkey: factors.includes('WEB_AUTHN') },
      },
      passkeyRelyingPartyId: parameters.relyingPartyId,
      passkeyUserVerification:
        definition.userVerification === 'required' ? cognito.PasskeyUserVerification.REQUIRED : cognito.PasskeyUserVerification.PREFERRED,
      deviceTracking: definition.deviceTracking,
      // A user pool holds people's accounts: never delete it with the stack.
      deletionProtection: true,
    });

    const domain = userPool.addDomain('ManagedLoginDomain', {
      ...(parameters.customDomain
        ? {
            customDomain: {
              domainName: parameters.customDomain.domainName,
              certificate: Certificate.fromCertificateArn(this, 'ManagedLoginCertificate', parameters.customDomain.certificateArn),
            },
          }
        : { cognitoDomain: { domainPrefix: parameters.domainPrefix! } }),
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });

    const client = userPool.addClient('PortalClient', {
      // A public client: no secret, so the portal uses PKCE on the authorization-code flow.
      generateSecret: false,
      // ALLOW_USER_AUTH; the CDK adds ALLOW_REFRESH_TOKEN_AUTH (the stack test checks the definition's list).
      authFlows: { user: clientDefinition.explicitAuthFlows.includes('ALLOW_USER_AUTH') },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: clientDefinition.scopes.map((scope) => cognito.OAuthScope.custom(scope)),
        callbackUrls: clientDefinition.callbackPaths.map((path) => `${portalUrl}${path}`),
        logoutUrls: clientDefinition.logoutPaths.map((path) => `${portalUrl}${path}`),
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      accessTokenValidity: Duration.seconds(definition.tokens.accessTokenSeconds),
      idTokenValidity: Duration.seconds(definition.tokens.idTokenSeconds),
      refreshTokenValidity: Duration.seconds(definition.tokens.refreshTokenSeconds),
      authSessionValidity: Duration.seconds(definition.tokens.authSessionSeconds),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
      readAttributes: clientAttributes(clientDefinition.readAttributes),
      writeAttributes: clientAttributes(clientDefinition.writeAttributes),
    });
    // Rotation off, stated rather than left to the default: the portal refreshes at the token
    // endpoint, and with several instances a rotated-out refresh token would sign people out
    // (README, "Refresh-token rotation"). The L2 can only turn rotation on, hence the override.
    (client.node.defaultChild as cognito.CfnUserPoolClient).addPropertyOverride('RefreshTokenRotation', {
      Feature: clientDefinition.refreshTokenRotation.feature,
      RetryGracePeriodSeconds: clientDefinition.refreshTokenRotation.retryGracePeriodSeconds,
    });

    // Managed login (version 2) shows its pages only for app clients that have a branding style.
    const branding = new cognito.CfnManagedLoginBranding(this, 'ManagedLoginBranding', {
      userPoolId: userPool.userPoolId,
      clientId: client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    branding.node.addDependency(domain);

    const domainName = parameters.customDomain ? parameters.customDomain.domainName : `${parameters.domainPrefix}.auth.${this.region}.amazoncognito.com`;
    const values: Record<keyof typeof PORTAL_ENV_OUTPUTS, string> = {
      NEXTAUTH_URL: portalUrl,
      COGNITO_REGION: this.region,
      COGNITO_USER_POOL_ID: userPool.userPoolId,
      COGNITO_CLIENT_ID: client.userPoolClientId,
      COGNITO_DOMAIN: domainName,
    };
    for (const [name, outputKey] of Object.entries(PORTAL_ENV_OUTPUTS) as [keyof typeof PORTAL_ENV_OUTPUTS, string][]) {
      new CfnOutput(this, outputKey, { value: values[name], description: name });
    }
  }
}
