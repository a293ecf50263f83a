import type { OperationHandler } from '../context';
import { invalidParameter, resourceNotFound } from '../errors';
import { operationModel } from '../model/model-table';
import { paginate } from '../pagination';
import { nowSeconds, type StoredCredential } from '../store';
import { readAttestation, rpIdHashMatches } from '../webauthn/attestation';
import { consumeChallenge, findChallenge, issueChallenge } from '../webauthn/challenges';
import { decodeClientData } from '../webauthn/client-data';
import { creationOptions } from '../webauthn/creation-options';
import { clientMismatch, limitExceeded, originNotAllowed, relyingPartyMismatch, webAuthnConfigurationMissing, webAuthnNotEnabled } from '../webauthn/errors';
import { friendlyNameFor } from '../webauthn/friendly-name';
import { parseRegistrationDocument } from '../webauthn/registration-document';
import { verifyCredential } from '../webauthn/verify';

/** ListWebAuthnCredentials' MaxResults ceiling in the model (0–20), also the page size when none is asked for. */
const MAX_CREDENTIALS_PAGE = operationModel('ListWebAuthnCredentials').input.MaxResults.max!;

const credentialsOf = (credentials: StoredCredential[], sub: string) => credentials.filter((c) => c.sub === sub);

// Oldest first; credentials created in the same second are ordered by ID so the order (and the
// pagination key, which must sort the same way) is total.
const sortKey = (c: StoredCredential) => `${String(c.createdAt).padStart(12, '0')}:${c.credentialId}`;

export const startWebAuthnRegistration: OperationHandler = async (input, ctx) => {
  const { user, claims } = await ctx.tokens.verifyAccessToken(input.AccessToken as string);
  const settings = ctx.config.webauthn;
  if (!settings.enabled) throw webAuthnNotEnabled();
  if (!settings.relyingPartyId) throw webAuthnConfigurationMissing();
  const existing = credentialsOf(ctx.store.state.credentials, user.sub).sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
  if (existing.length >= settings.maxPasskeysPerUser) throw limitExceeded(settings.maxPasskeysPerUser);

  const challenge = issueChallenge(ctx.store.state, user.sub, claims.client_id, settings.challengeTtlSeconds, nowSeconds());
  await ctx.store.commit();
  return {
    CredentialCreationOptions: creationOptions({
      relyingPartyId: settings.relyingPartyId,
      user,
      challenge,
      userVerification: settings.userVerification,
      existing,
    }),
  };
};

export const completeWebAuthnRegistration: OperationHandler = async (input, ctx) => {
  const { user, claims } = await ctx.tokens.verifyAccessToken(input.AccessToken as string);
  const document = parseRegistrationDocument(input.Credential);
  const settings = ctx.config.webauthn;
  if (!settings.enabled) throw webAuthnNotEnabled();
  const clientData = decodeClientData(document.response.response.clientDataJSON);
  if (clientData.type !== 'webauthn.create') {
    throw invalidParameter(`clientDataJSON.type is ${JSON.stringify(clientData.type)}; a registration must be "webauthn.create".`);
  }
  const attestation = readAttestation(document.response.response.attestationObject, document.credentialId);

  const state = ctx.store.state;
  // Checked here but consumed only once everything has passed: a refused completion changes
  // nothing, so the user can retry the same ceremony (another user's challenge is never burnt).
  const challenge = findChallenge(state, clientData.challenge, user.sub, nowSeconds());
  if (challenge.clientId !== claims.client_id) throw clientMismatch();
  // A cross-origin iframe's ceremony (crossOrigin: true) is accepted when its own origin is allowed.
  if (!settings.allowedOrigins.includes(clientData.origin)) throw originNotAllowed(clientData.origin);
  if (!rpIdHashMatches(attestation, settings.relyingPartyId)) throw relyingPartyMismatch();
  const verified = await verifyCredential(document.response, {
    challenge: challenge.challenge,
    origins: settings.allowedOrigins,
    relyingPartyId: settings.relyingPartyId,
    requireUserVerification: settings.userVerification === 'required',
  });

  // From here to the commit nothing is awaited, so a concurrent completion cannot use the same
  // challenge and the uniqueness and limit checks hold. The challenge is looked up again because
  // such a completion may have consumed it while this one was verifying.
  const live = findChallenge(state, challenge.challenge, user.sub, nowSeconds());
  if (state.credentials.some((c) => c.credentialId === verified.credentialId)) {
    throw invalidParameter('This passkey is already registered (a credential with this ID exists).');
  }
  const mine = credentialsOf(state.credentials, user.sub);
  if (mine.length >= settings.maxPasskeysPerUser) throw limitExceeded(settings.maxPasskeysPerUser);
  consumeChallenge(state, live);
  state.credentials.push({
    credentialId: verified.credentialId,
    sub: user.sub,
    publicKey: verified.publicKey,
    counter: verified.counter,
    transports: document.transports,
    ...(document.attachment ? { attachment: document.attachment } : {}),
    friendlyName: friendlyNameFor(verified.aaguid, document.attachment, mine.map((c) => c.friendlyName)),
    relyingPartyId: settings.relyingPartyId,
    aaguid: verified.aaguid,
    createdAt: nowSeconds(),
  });
  await ctx.store.commit();
  return {};
};

export const listWebAuthnCredentials: OperationHandler = async (input, ctx) => {
  const { user } = await ctx.tokens.verifyAccessToken(input.AccessToken as string);
  const mine = credentialsOf(ctx.store.state.credentials, user.sub).sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
  const { page, next } = paginate(mine, sortKey, {
    secret: ctx.store.state.secret,
    operation: 'ListWebAuthnCredentials',
    sub: user.sub,
    limit: (input.MaxResults as number | undefined) || MAX_CREDENTIALS_PAGE,
    token: input.NextToken as string | undefined,
  });
  return {
    Credentials: page.map((c) => ({
      CredentialId: c.credentialId,
      FriendlyCredentialName: c.friendlyName,
      RelyingPartyId: c.relyingPartyId,
      ...(c.attachment ? { AuthenticatorAttachment: c.attachment } : {}),
      AuthenticatorTransports: c.transports,
      CreatedAt: c.createdAt,
    })),
    ...(next ? { NextToken: next } : {}),
  };
};

export const deleteWebAuthnCredential: OperationHandler = async (input, ctx) => {
  const { user } = await ctx.tokens.verifyAccessToken(input.AccessToken as string);
  const state = ctx.store.state;
  const credential = state.credentials.find((c) => c.credentialId === input.CredentialId && c.sub === user.sub);
  // Another user's credential is reported exactly like a missing one.
  if (!credential) throw resourceNotFound('The passkey does not exist.');
  state.credentials = state.credentials.filter((c) => c !== credential);
  await ctx.store.commit();
  return {};
};
