import { modelTable } from './model/model-table';

/** Errors the wire protocol itself raises; they are not in any operation's error list. */
const PROTOCOL_ERRORS = new Set(['UnknownOperationException', 'SerializationException']);

/**
 * The HTTP status the real service answers an exception with. The service model gives some
 * client errors their own status (NotAuthorizedException 403, ResourceNotFoundException and
 * UserNotFoundException 404, TooManyRequestsException 429, UnauthorizedException 401), but
 * captured responses of the real cognito-idp endpoint answer every client error with 400 and
 * only server faults (InternalErrorException) with 500: NotAuthorizedException with 400 in
 * ellaisys/aws-cognito#94, aws-amplify/amplify-flutter#740 and #549 ("Status Code: 400; Error
 * Code: NotAuthorizedException"), TooManyRequestsException with 400 in boto/botocore#1732 (why
 * botocore's retry rule for cognito-idp matches 400), InvalidParameterException with 400 in
 * aws-amplify/amplify-flutter#1531. SDKs type the error by its name, not its status, so a
 * client written against the real service must see what the real service sends.
 */
export function wireStatus(type: string): number {
  if (PROTOCOL_ERRORS.has(type)) return 400;
  return modelTable.errors[type]?.fault === 'server' ? 500 : 400;
}

/** An exception the pool answers with, named and shaped as Cognito names and shapes it. */
export class PoolError extends Error {
  readonly type: string;
  constructor(type: string, message: string) {
    super(message);
    this.type = type;
    this.name = type;
  }

  get httpStatus(): number {
    return wireStatus(this.type);
  }
}

export const invalidParameter = (message: string) => new PoolError('InvalidParameterException', message);
export const notAuthorized = (message: string) => new PoolError('NotAuthorizedException', message);
export const resourceNotFound = (message: string) => new PoolError('ResourceNotFoundException', message);
