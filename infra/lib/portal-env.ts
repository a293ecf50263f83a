// The stack's outputs are the portal's environment variables (.env.example's names). CloudFormation
// output keys allow only letters and digits, so each variable has a fixed output key; the
// description of each output is the variable's name.
import { randomBytes } from 'node:crypto';

export const PORTAL_ENV_OUTPUTS = {
  NEXTAUTH_URL: 'NextAuthUrl',
  COGNITO_REGION: 'CognitoRegion',
  COGNITO_USER_POOL_ID: 'CognitoUserPoolId',
  COGNITO_CLIENT_ID: 'CognitoClientId',
  COGNITO_DOMAIN: 'CognitoDomain',
} as const;

export type PortalEnvName = keyof typeof PORTAL_ENV_OUTPUTS;

/** The portal's variables from one stack's outputs (as `cdk deploy --outputs-file` writes them). */
export function portalEnvFromOutputs(outputs: Record<string, string>): Record<PortalEnvName, string> {
  const env = {} as Record<PortalEnvName, string>;
  for (const [name, key] of Object.entries(PORTAL_ENV_OUTPUTS) as [PortalEnvName, string][]) {
    const value = outputs[key];
    if (typeof value !== 'string' || value === '') throw new Error(`The stack has no output ${key} (${name}): was it deployed with this version of infra/?`);
    if (/[\r\n]/.test(value)) throw new Error(`The output ${key} holds a line break.`);
    env[name] = value;
  }
  return env;
}

/**
 * The text of an env file: `existing`'s lines with these variables replaced or appended. A
 * NEXTAUTH_SECRET is generated when the file has none (it is not a stack output: it never
 * leaves the machine that runs the portal).
 */
export function mergeEnvFile(existing: string, values: Record<string, string>, secret = () => randomBytes(32).toString('base64')): string {
  const lines = existing === '' ? [] : existing.replace(/\n$/, '').split('\n');
  const all: Record<string, string> = { ...values };
  if (!lines.some((line) => /^\s*NEXTAUTH_SECRET=\S/.test(line))) all.NEXTAUTH_SECRET = secret();
  const seen = new Set<string>();
  const merged = lines.map((line) => {
    const name = /^\s*([A-Z0-9_]+)=/.exec(line)?.[1];
    if (name && name in all) {
      seen.add(name);
      return `${name}=${all[name]}`;
    }
    return line;
  });
  for (const [name, value] of Object.entries(all)) if (!seen.has(name)) merged.push(`${name}=${value}`);
  return `${merged.join('\n')}\n`;
}
