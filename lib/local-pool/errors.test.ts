import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PoolError } from './errors';
import { modelTable } from './model/model-table';

describe('PoolError', () => {
  it('answers client errors with 400 as the real service does, though the model gives some 403, 404 or 429', () => {
    // The model's statuses, which the real endpoint does not send (see wireStatus).
    assert.equal(modelTable.errors.NotAuthorizedException.httpStatus, 403);
    assert.equal(modelTable.errors.ResourceNotFoundException.httpStatus, 404);
    assert.equal(new PoolError('NotAuthorizedException', '').httpStatus, 400);
    assert.equal(new PoolError('ResourceNotFoundException', '').httpStatus, 400);
    assert.equal(new PoolError('UserNotFoundException', '').httpStatus, 400);
    assert.equal(new PoolError('TooManyRequestsException', '').httpStatus, 400);
    assert.equal(new PoolError('RefreshTokenReuseException', '').httpStatus, 400);
    assert.equal(new PoolError('WebAuthnChallengeNotFoundException', '').httpStatus, 400);
  });

  it('answers server faults with 500', () => {
    assert.equal(new PoolError('InternalErrorException', '').httpStatus, 500);
  });

  it('answers protocol errors with 400', () => {
    assert.equal(new PoolError('UnknownOperationException', '').httpStatus, 400);
    assert.equal(new PoolError('SerializationException', '').httpStatus, 400);
  });
});
