import type { IncomingMessage } from 'node:http';
import type { PoolContext } from '../context';
import { findClient } from '../sessions';
import type { AppClient } from '../store';
import { constantTimeEqual } from '../tokens';
import { singleParam } from './form';
import { OAuthError } from './responses';

export type ClientCredentials = { clientId: string; clientSecret: string | undefined; usedBasic: boolean };

const basicChallenge = { 'WWW-Authenticate': 'Basic realm="oauth2"' };

/** RFC 6749 §2.3.1: both halves of HTTP Basic are form-urlencoded before base64. */
function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

function basicCredentials(header: string): { id: string; secret: string } {
  const decoded = Buffer.from(header.slice('Basic '.length).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  try {
    if (colon < 1) throw new Error('no client id');
    return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    throw new OAuthError('invalid_client', 'The Authorization header is not valid client credentials.', 401, basicChallenge);
  }
}

/**
 * The client's id and secret from `client_secret_basic` or `client_secret_post` (or the
 * id alone, for a client without a secret). Using both methods at once is refused
 * (RFC 6749 §2.3), since the two could name different clients.
 */
export function clientCredentials(req: IncomingMessage, form: URLSearchParams): ClientCredentials {
  const header = String(req.headers.authorization ?? '');
  const basic = /^Basic /i.test(header) ? basicCredentials(header) : undefined;
  const bodyId = singleParam(form, 'client_id');
  const bodySecret = singleParam(form, 'client_secret');
  if (basic && bodySecret !== undefined) throw new OAuthError('invalid_request', 'Use one client authentication method, not both.');
  if (basic && bodyId !== undefined && bodyId !== basic.id) throw new OAuthError('invalid_client', 'client_id differs from the authenticated client.', 401, basicChallenge);
  const clientId = basic?.id ?? bodyId;
  if (!clientId) throw new OAuthError('invalid_client', 'Client authentication is required.', 401);
  return { clientId, clientSecret: basic?.secret ?? bodySecret, usedBasic: basic !== undefined };
}

/** The app client these credentials prove, or `invalid_client` (401). */
export function authenticateClient(ctx: PoolContext, credentials: ClientCredentials): AppClient {
  const challenge = credentials.usedBasic ? basicChallenge : {};
  const client = findClient(ctx, credentials.clientId);
  if (!client) throw new OAuthError('invalid_client', 'Client authentication failed.', 401, challenge);
  const secret = credentials.clientSecret;
  if (client.clientSecret) {
    if (!secret || !constantTimeEqual(secret, client.clientSecret)) throw new OAuthError('invalid_client', 'Client authentication failed.', 401, challenge);
  } else if (secret) {
    // A secret the pool never issued means the caller is confused about which client it is.
    throw new OAuthError('invalid_client', 'This client has no secret.', 401, challenge);
  }
  return client;
}
