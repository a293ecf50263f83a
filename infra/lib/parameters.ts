// What one deployment of the portal's user pool is parameterised by, read from CDK context
// (`cdk deploy -c portalUrl=https://security.example.com -c domainPrefix=my-portal`), checked
// before anything is synthesized so a wrong value stops `cdk synth` with a message naming it.

export type PoolParameters = {
  /** The portal's public origin (NEXTAUTH_URL): https, or http://localhost for trying it out. */
  portalUrl: string;
  /** Managed login on <prefix>.auth.<region>.amazoncognito.com; used when there is no custom domain. */
  domainPrefix?: string;
  /** Managed login on your own host name instead (needs an ACM certificate in us-east-1). */
  customDomain?: { domainName: string; certificateArn: string };
  /** The passkeys' relying-party ID; see relyingPartyIdFor for the default. */
  relyingPartyId: string;
  /** Whether people may create their own accounts on the managed login pages. */
  selfSignUp: boolean;
};

export class ParameterError extends Error {}

type Context = (key: string) => unknown;

const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
// Cognito: lowercase letters, digits and hyphens, no leading or trailing hyphen, and none of these words.
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const RESERVED_IN_PREFIX = ['aws', 'amazon', 'cognito'];
const CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/;

function text(context: Context, key: string): string | undefined {
  const value = context(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new ParameterError(`-c ${key}= must be text (got ${JSON.stringify(value)}).`);
  return value.trim();
}

export function portalOrigin(value: string | undefined): string {
  if (!value) throw new ParameterError('-c portalUrl= is required: the portal\'s public origin, e.g. -c portalUrl=https://security.example.com');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ParameterError(`-c portalUrl= must be an absolute URL (got "${value}").`);
  }
  const local = url.protocol === 'http:' && url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !local) throw new ParameterError(`-c portalUrl= must be https (http only for localhost; got "${value}").`);
  if (url.pathname !== '/' || url.search || url.hash) throw new ParameterError(`-c portalUrl= must be an origin, without a path (got "${value}").`);
  return url.origin;
}

/** True when `rpId` is `host` or a parent domain of it: a browser on `host` may then use passkeys for `rpId`. */
export function coversHost(rpId: string, host: string): boolean {
  return host === rpId || host.endsWith(`.${rpId}`);
}

/**
 * The relying-party ID rule. Passkeys are added on the portal's own pages (the browser's origin is
 * the portal), and signed in with on managed login (the pool's domain). The RP ID must cover the
 * portal's host name; with a custom domain, Cognito also wants it to cover that domain, so the
 * default is then their closest common parent (security.example.com + auth.example.com →
 * example.com). Without a custom domain, it is the portal's host name.
 */
export function relyingPartyIdFor(portalHost: string, customDomain?: string): string {
  if (!customDomain) return portalHost;
  const a = portalHost.split('.').reverse();
  const b = customDomain.split('.').reverse();
  const common: string[] = [];
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i++) common.push(a[i]);
  if (common.length < 2) {
    throw new ParameterError(
      `The portal (${portalHost}) and the custom domain (${customDomain}) share no parent domain, so no passkey relying-party ID covers both: put them under one domain, or set -c relyingPartyId= explicitly.`,
    );
  }
  return common.reverse().join('.');
}

export function readParameters(context: Context): PoolParameters {
  const portalUrl = portalOrigin(text(context, 'portalUrl'));
  const portalHost = new URL(portalUrl).hostname;
  const domainPrefix = text(context, 'domainPrefix');
  const domainName = text(context, 'customDomain')?.toLowerCase();
  const certificateArn = text(context, 'customDomainCertificateArn');

  if (domainName !== undefined) {
    if (!HOST_NAME.test(domainName)) throw new ParameterError(`-c customDomain= must be a host name such as auth.example.com (got "${domainName}").`);
    if (!certificateArn || !CERTIFICATE_ARN.test(certificateArn)) {
      throw new ParameterError('-c customDomainCertificateArn= is required with a custom domain: an ACM certificate ARN in us-east-1 covering it.');
    }
  } else if (certificateArn) {
    throw new ParameterError('-c customDomainCertificateArn= is set but -c customDomain= is not.');
  }
  if (domainName === undefined) {
    if (!domainPrefix) throw new ParameterError('-c domainPrefix= is required without a custom domain: managed login is then at <prefix>.auth.<region>.amazoncognito.com.');
    if (!DOMAIN_PREFIX.test(domainPrefix) || RESERVED_IN_PREFIX.some((word) => domainPrefix.includes(word))) {
      throw new ParameterError(`-c domainPrefix= must be lowercase letters, digits and hyphens, without "aws", "amazon" or "cognito" (got "${domainPrefix}").`);
    }
  }

  const relyingPartyId = text(context, 'relyingPartyId')?.toLowerCase() ?? relyingPartyIdFor(portalHost, domainName);
  if (relyingPartyId.length > 127) throw new ParameterError('-c relyingPartyId= must be at most 127 characters.');
  if (!coversHost(relyingPartyId, portalHost)) {
    throw new ParameterError(`-c relyingPartyId=${relyingPartyId} does not cover the portal's host ${portalHost}: the portal could not add passkeys. Use ${portalHost} or a parent domain of it.`);
  }

  const selfSignUp = text(context, 'selfSignUp') ?? 'false';
  if (selfSignUp !== 'true' && selfSignUp !== 'false') throw new ParameterError(`-c selfSignUp= must be true or false (got "${selfSignUp}").`);

  return {
    portalUrl,
    domainPrefix: domainName === undefined ? domainPrefix : undefined,
    customDomain: domainName === undefined ? undefined : { domainName, certificateArn: certificateArn! },
    relyingPartyId,
    selfSignUp: selfSignUp === 'true',
  };
}
