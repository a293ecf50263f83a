import type { OperationHandler } from '../context';
import { getTokensFromRefreshToken, globalSignOut, initiateAuth, revokeToken } from './auth';
import { getUser, getUserAuthFactors, updateUserAttributes } from './user';
import { respondToAuthChallenge } from './user-auth';
import { forgetDevice, getDevice, listDevices, updateDeviceStatus } from './devices';
import { completeWebAuthnRegistration, deleteWebAuthnCredential, listWebAuthnCredentials, startWebAuthnRegistration } from './webauthn';

/** Every operation the pool answers; anything else is an unknown operation, as at Cognito. */
export const OPERATIONS: Record<string, OperationHandler> = {
  InitiateAuth: initiateAuth,
  RespondToAuthChallenge: respondToAuthChallenge,
  GetTokensFromRefreshToken: getTokensFromRefreshToken,
  GetUser: getUser,
  UpdateUserAttributes: updateUserAttributes,
  GetUserAuthFactors: getUserAuthFactors,
  GlobalSignOut: globalSignOut,
  RevokeToken: revokeToken,
  ListDevices: listDevices,
  GetDevice: getDevice,
  ForgetDevice: forgetDevice,
  UpdateDeviceStatus: updateDeviceStatus,
  ListWebAuthnCredentials: listWebAuthnCredentials,
  StartWebAuthnRegistration: startWebAuthnRegistration,
  CompleteWebAuthnRegistration: completeWebAuthnRegistration,
  DeleteWebAuthnCredential: deleteWebAuthnCredential,
};
