import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { VALID_PORTAL_ENV } from '@/lib/testing/portal-env';
import { checkConfigurationAtStart } from './check-at-start';

const valid = VALID_PORTAL_ENV;

class Exited extends Error {
  constructor(readonly code: number | undefined) {
    super(`process.exit(${code})`);
  }
}

describe('checkConfigurationAtStart', () => {
  let errors: string[];
  beforeEach(() => {
    errors = [];
    mock.method(console, 'error', (...args: unknown[]) => void errors.push(args.join(' ')));
    // Throwing stands in for the exit: nothing after it may run.
    mock.method(process, 'exit', (code?: number) => {
      throw new Exited(code);
    });
  });
  afterEach(() => mock.restoreAll());

  it('stops the process with exit code 1 and a message naming the missing variable', () => {
    assert.throws(() => checkConfigurationAtStart({ COGNITO_REGION: 'eu-west-1' }), (error: unknown) => error instanceof Exited && error.code === 1);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /Portal configuration error: COGNITO_USER_POOL_ID is not set/);
  });

  it('names the variable of a contradiction too', () => {
    assert.throws(() => checkConfigurationAtStart({ ...valid, COGNITO_USER_POOL_ID: 'us-east-1_AbC123xyz' }), Exited);
    assert.match(errors[0], /COGNITO_USER_POOL_ID "us-east-1_AbC123xyz" belongs to region us-east-1, but COGNITO_REGION is eu-west-1/);
  });

  it('lets a usable configuration through without a word', () => {
    checkConfigurationAtStart(valid);
    assert.deepEqual(errors, []);
  });
});
