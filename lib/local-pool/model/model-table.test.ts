import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { OPERATIONS } from '../operations';
import { analyseHandlers } from '../testing/handler-analysis';
import { buildModelTable, IMPLEMENTED_OPERATIONS } from './build-model-table';
import { modelTable } from './model-table';

const referenceDir = join(process.cwd(), '..', 'shared', 'reference');
const hasReference = existsSync(join(referenceDir, 'cognito-idp.service-2.json'));
const PROTOCOL_ERRORS = new Set(['UnknownOperationException', 'SerializationException']);

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'testing') sources(path, out);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

describe('the committed model table', () => {
  it('is what the official service model says (regenerate with npm run pool:model)', { skip: !hasReference && 'no ../shared/reference here' }, () => {
    assert.deepEqual(buildModelTable(referenceDir), modelTable);
  });

  it('covers every operation the pool answers', () => {
    for (const operation of Object.keys(OPERATIONS)) {
      assert.ok(modelTable.operations[operation], `${operation} is not in the model table`);
      assert.ok((IMPLEMENTED_OPERATIONS as readonly string[]).includes(operation));
    }
  });

  it('names only exceptions the model defines, each for an operation that declares it', () => {
    const declared = new Set(Object.values(modelTable.operations).flatMap((op) => op.errors));
    const dir = join(process.cwd(), 'lib', 'local-pool');
    for (const file of sources(dir)) {
      const text = readFileSync(file, 'utf8');
      for (const [, name] of text.matchAll(/'(\w+Exception)'/g)) {
        assert.ok(declared.has(name) || PROTOCOL_ERRORS.has(name), `${file} names ${name}, which no implemented operation declares`);
      }
    }
  });

  it('keeps the pagination limits the portal relies on', () => {
    assert.deepEqual([modelTable.operations.ListDevices.input.Limit.min, modelTable.operations.ListDevices.input.Limit.max], [0, 60]);
    assert.deepEqual([modelTable.operations.ListWebAuthnCredentials.input.MaxResults.min, modelTable.operations.ListWebAuthnCredentials.input.MaxResults.max], [0, 20]);
    assert.equal(modelTable.operations.GetDevice.input.DeviceKey.pattern, '[\\w-]+_[0-9a-f-]+');
  });

  describe('each operation handler, read from its source', () => {
    const handlers = Object.fromEntries(Object.entries(OPERATIONS).map(([operation, handler]) => [operation, handler.name]));
    const facts = analyseHandlers(join(process.cwd(), 'lib', 'local-pool'), handlers);

    it('reads only members of that operation’s input shape, and only by name', () => {
      for (const [operation, { inputMembers, otherInputUses }] of Object.entries(facts)) {
        assert.deepEqual(otherInputUses, [], `${operation} uses its input in a way the check cannot follow`);
        assert.ok(inputMembers.size > 0, `${operation}: no input members found; is the analysis still reading the handler?`);
        for (const member of inputMembers) {
          assert.ok(Object.hasOwn(modelTable.operations[operation].input, member), `${operation} reads input.${member}, which is not in its input shape`);
        }
      }
    });

    it('can raise only exceptions that operation declares in the model', () => {
      for (const [operation, { exceptions }] of Object.entries(facts)) {
        const declared = modelTable.operations[operation].errors;
        for (const name of exceptions) assert.ok(declared.includes(name), `${operation} can raise ${name}, which is not in its error list`);
      }
    });

    it('finds the exceptions it should (the analysis follows helpers)', () => {
      assert.ok(facts.GetUser.exceptions.has('NotAuthorizedException'));
      assert.ok(facts.RevokeToken.exceptions.has('UnauthorizedException'));
      assert.ok(facts.InitiateAuth.exceptions.has('ResourceNotFoundException'));
      for (const name of ['WebAuthnChallengeNotFoundException', 'WebAuthnOriginNotAllowedException', 'LimitExceededException', 'InvalidParameterException']) {
        assert.ok(facts.CompleteWebAuthnRegistration.exceptions.has(name), name);
      }
      assert.deepEqual([...facts.ListDevices.inputMembers].sort(), ['AccessToken', 'Limit', 'PaginationToken']);
    });

    it('declares what the wire layer raises for any operation (validation, internal errors, injected throttling)', () => {
      for (const [operation, { errors }] of Object.entries(modelTable.operations)) {
        for (const name of ['InvalidParameterException', 'InternalErrorException', 'TooManyRequestsException']) assert.ok(errors.includes(name), `${operation} lacks ${name}`);
      }
    });
  });
});
