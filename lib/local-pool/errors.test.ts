import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PoolError } from './errors';

describe('PoolError', () => {
  it('takes its HTTP status from the service model', () => {
    assert.equal(new PoolError('NotAuthorizedException', '').httpStatus, 403);
    assert.equal(new PoolError('ResourceNotFoundException', '').httpStatus, 404);
    assert.equal(new PoolError('TooManyRequestsException', '').httpStatus, 429);
    assert.equal(new PoolError('InternalErrorException', '').httpStatus, 500);
    assert.equal(new PoolError('WebAuthnChallengeNotFoundException', '').httpStatus, 400);
  });

  it('answers protocol errors with 400', () => {
    assert.equal(new PoolError('UnknownOperationException', '').httpStatus, 400);
    assert.equal(new PoolError('SerializationException', '').httpStatus, 400);
  });
});
