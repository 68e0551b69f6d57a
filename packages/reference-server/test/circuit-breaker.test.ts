import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createCircuitBreaker } from '../src/cache/circuit-breaker.js';
import { manualClock } from './support/manual-clock.js';

const open = () => {
  const clock = manualClock();
  return { clock, breaker: createCircuitBreaker({ clock, failureThreshold: 3, openMs: 1_000, maxOpenMs: 4_000 }) };
};

describe('the circuit breaker', () => {
  test('starts closed and lets calls through', () => {
    const { breaker } = open();
    assert.equal(breaker.state, 'closed');
    assert.equal(breaker.allows(), true);
    assert.equal(breaker.tryProbe(), false, 'nothing to probe while closed');
  });

  test('opens after the threshold of failures in a row, and a success in between starts the count over', () => {
    const { breaker } = open();
    breaker.failed();
    breaker.failed();
    breaker.succeeded();
    breaker.failed();
    breaker.failed();
    assert.equal(breaker.state, 'closed');
    breaker.failed();
    assert.equal(breaker.state, 'open');
    assert.equal(breaker.allows(), false);
  });

  test('an open circuit offers one probe once its wait is over, and none before', () => {
    const { clock, breaker } = open();
    breaker.trip();
    clock.advance(999);
    assert.equal(breaker.tryProbe(), false);
    clock.advance(1);
    assert.equal(breaker.tryProbe(), true);
    assert.equal(breaker.state, 'half-open');
    assert.equal(breaker.tryProbe(), false, 'one probe at a time');
    assert.equal(breaker.allows(), false, 'calls wait for the probe to succeed');
  });

  test('a good probe closes the circuit', () => {
    const { clock, breaker } = open();
    breaker.trip();
    clock.advance(1_000);
    assert.ok(breaker.tryProbe());
    breaker.probed(true);
    assert.equal(breaker.state, 'closed');
    assert.equal(breaker.allows(), true);
  });

  test('each failed probe doubles the wait, up to the cap, and a good one resets it', () => {
    const { clock, breaker } = open();
    breaker.trip();
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      let waited = 0;
      while (!breaker.tryProbe()) {
        clock.advance(100);
        waited += 100;
      }
      waits.push(waited);
      breaker.probed(false);
      assert.equal(breaker.state, 'open');
    }
    assert.deepEqual(waits, [1_000, 2_000, 4_000, 4_000]);
    clock.advance(4_000);
    assert.ok(breaker.tryProbe());
    breaker.probed(true);
    breaker.trip();
    clock.advance(1_000);
    assert.equal(breaker.tryProbe(), true, 'back to the first wait after recovering');
  });

  test('answers that arrive while the circuit is open change nothing', () => {
    const { clock, breaker } = open();
    breaker.trip();
    breaker.succeeded();
    assert.equal(breaker.state, 'open', 'a late success does not close the circuit');
    clock.advance(1_000);
    breaker.failed();
    assert.ok(breaker.tryProbe(), 'a late failure does not push the probe back');
    breaker.probed(true);
    breaker.failed();
    breaker.failed();
    assert.equal(breaker.state, 'closed', 'the failure count started over when it closed');
  });

  test('a probe result without a probe is ignored', () => {
    const { breaker } = open();
    breaker.probed(false);
    assert.equal(breaker.state, 'closed');
    breaker.trip();
    breaker.probed(true);
    assert.equal(breaker.state, 'open');
  });

  test('refuses settings that could never close or never open', () => {
    const clock = manualClock();
    assert.throws(() => createCircuitBreaker({ clock, failureThreshold: 0 }), RangeError);
    assert.throws(() => createCircuitBreaker({ clock, openMs: 2_000, maxOpenMs: 1_000 }), RangeError);
  });
});
