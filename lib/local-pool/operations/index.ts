import type { OperationHandler } from '../context';
import { getUser, globalSignOut, initiateAuth, revokeToken } from './auth';
import { respondToAuthChallenge } from './user-auth';
import { forgetDevice, getDevice, listDevices, updateDeviceStatus } from './devices';
import { completeWebAuthnRegistration, deleteWebAuthnCredential, listWebAuthnCredentials, startWebAuthnRegistration } from './webauthn';

/** Every operation the pool answers; anything else is an unknown operation, as at Cognito. */
export const OPERATIONS: Record<string, OperationHandler> = {
  InitiateAuth: initiateAuth,
  RespondToAuthChallenge: respondToAuthChallenge,
  GetUser: getUser,
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
