import { modelTable } from './model/model-table';

/** Errors the wire protocol itself raises; they are not in any operation's error list. */
const PROTOCOL_ERRORS: Record<string, number> = {
  UnknownOperationException: 400,
  SerializationException: 400,
};

/** An exception the pool answers with, named and shaped as Cognito names and shapes it. */
export class PoolError extends Error {
  readonly type: string;
  constructor(type: string, message: string) {
    super(message);
    this.type = type;
    this.name = type;
  }

  get httpStatus(): number {
    return modelTable.errors[this.type]?.httpStatus ?? PROTOCOL_ERRORS[this.type] ?? 400;
  }
}

export const invalidParameter = (message: string) => new PoolError('InvalidParameterException', message);
export const notAuthorized = (message: string) => new PoolError('NotAuthorizedException', message);
export const resourceNotFound = (message: string) => new PoolError('ResourceNotFoundException', message);
