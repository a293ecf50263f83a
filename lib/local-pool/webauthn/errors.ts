import { PoolError } from '../errors';

/** The WebAuthn exceptions Cognito's model names, each with the HTTP status the model gives it. */
export const webAuthnNotEnabled = () => new PoolError('WebAuthnNotEnabledException', 'Passkeys are not enabled for this user pool.');
export const webAuthnConfigurationMissing = () =>
  new PoolError('WebAuthnConfigurationMissingException', 'The user pool has no relying-party ID for passkeys.');
export const challengeNotFound = () =>
  new PoolError('WebAuthnChallengeNotFoundException', 'The registration challenge was not found, has expired or has already been used.');
export const clientMismatch = () =>
  new PoolError('WebAuthnClientMismatchException', 'The access token is for a different app client than the one that started this registration.');
export const originNotAllowed = (origin: string) =>
  new PoolError('WebAuthnOriginNotAllowedException', `The origin ${JSON.stringify(origin)} is not allowed to register passkeys for this user pool.`);
export const relyingPartyMismatch = () =>
  new PoolError('WebAuthnRelyingPartyMismatchException', "The credential was created for a different relying party than the user pool's.");
export const credentialNotSupported = (detail: string) =>
  new PoolError('WebAuthnCredentialNotSupportedException', `This passkey is not supported: ${detail}`);
export const limitExceeded = (max: number) =>
  new PoolError('LimitExceededException', `The user already has the maximum number of passkeys (${max}).`);
