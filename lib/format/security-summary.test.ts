import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testTranslator } from '@/lib/i18n/test-translator';
import { canSignInWithoutPassword, lifetimeFromClaims, lifetimeWords, NEXT_STEP_KEYS, nextStep } from './security-summary';

const t = testTranslator('en', 'security');
const NEXT_STEPS = { 'add-first': t(NEXT_STEP_KEYS['add-first']), 'add-second': t(NEXT_STEP_KEYS['add-second']) };

describe('nextStep', () => {
  it('asks for a first passkey, then a second, then nothing', () => {
    assert.equal(nextStep(0), 'add-first');
    assert.equal(nextStep(1), 'add-second');
    assert.equal(nextStep(2), null);
    assert.equal(nextStep(20), null);
  });

  it('gives no advice when the list could not be loaded', () => {
    assert.equal(nextStep(null), null);
  });

  it('says the issue’s words', () => {
    assert.match(NEXT_STEPS['add-first'], /^Add a passkey so you can sign in without a password/);
    assert.match(NEXT_STEPS['add-second'], /^You have only one passkey: add a second in case you lose this device/);
  });
});

describe('canSignInWithoutPassword', () => {
  it('is true with a passkey, false without, null when unknown', () => {
    assert.equal(canSignInWithoutPassword(0), false);
    assert.equal(canSignInWithoutPassword(1), true);
    assert.equal(canSignInWithoutPassword(null), null);
  });
});

describe('lifetimeWords', () => {
  it('writes Cognito’s usual lifetimes', () => {
    assert.equal(lifetimeWords(3600, t), '1 hour');
    assert.equal(lifetimeWords(300, t), '5 minutes');
    assert.equal(lifetimeWords(60, t), '1 minute');
    assert.equal(lifetimeWords(5400, t), '1 hour 30 minutes');
    assert.equal(lifetimeWords(86400, t), '24 hours');
    assert.equal(lifetimeWords(30, t), '30 seconds');
  });

  it('writes them in the reader’s language, with its plural forms', () => {
    assert.equal(lifetimeWords(5400, testTranslator('de', 'security')), '1 Stunde 30 Minuten');
    assert.equal(lifetimeWords(7200, testTranslator('ar', 'security')), 'ساعتان');
    assert.equal(lifetimeWords(300, testTranslator('ja', 'security')), '5 分');
  });

  it('refuses nonsense', () => {
    for (const value of [null, 0, -5, Number.NaN, Number.POSITIVE_INFINITY, 400 * 86400]) assert.equal(lifetimeWords(value, t), null);
  });
});

describe('lifetimeFromClaims', () => {
  it('is exp − iat', () => {
    assert.equal(lifetimeFromClaims({ iat: 1000, exp: 4600 }), 3600);
  });

  it('is null for missing, non-integer or backwards claims', () => {
    for (const claims of [{}, { iat: 1000 }, { exp: 1000 }, { iat: '1', exp: '3601' }, { iat: 5000, exp: 1000 }, { iat: 1.5, exp: 3601 }]) {
      assert.equal(lifetimeFromClaims(claims), null);
    }
  });
});
