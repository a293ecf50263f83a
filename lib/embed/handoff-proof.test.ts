import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { newHandoffProof, provenState, stateForVerifier, VERIFIER_PATTERN } from './handoff-proof';
import { STATE_PATTERN } from './protocol';

describe('the embed handoff’s proof of possession', () => {
  it('makes a 256-bit verifier whose state is its SHA-256, shaped as the sign-in state', async () => {
    const { verifier, state } = await newHandoffProof();
    assert.match(verifier, VERIFIER_PATTERN);
    assert.match(state, STATE_PATTERN);
    assert.equal(state, createHash('sha256').update(verifier).digest('base64url'));
    assert.notEqual(state, verifier);
  });

  it('is new every time', async () => {
    const proofs = await Promise.all(Array.from({ length: 20 }, () => newHandoffProof()));
    assert.equal(new Set(proofs.map((p) => p.verifier)).size, 20);
    assert.equal(new Set(proofs.map((p) => p.state)).size, 20);
  });

  it('proves a state only from a well-formed verifier', async () => {
    const { verifier, state } = await newHandoffProof();
    assert.equal(await provenState(verifier), state);
    assert.equal(await stateForVerifier(verifier), state);
    // The state itself (all a window, a URL or a log ever saw) proves another state, never its own.
    assert.notEqual(await provenState(state), state);
    for (const bad of [undefined, null, 42, '', 'short', `${verifier}x`, verifier.slice(1) + '+', { verifier }]) {
      assert.equal(await provenState(bad), null, String(bad));
    }
  });
});
