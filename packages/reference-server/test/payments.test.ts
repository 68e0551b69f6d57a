// The payment providers behind one interface: the simulated provider (Stripe's test PaymentMethod
// semantics, intents in the database) on both databases, and the Stripe provider driving the real
// `stripe` library against a local stand-in, with webhooks signed by the library's own helper.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Stripe from 'stripe';
import { CardError, InvalidRequestError } from '../src/errors.js';
import type { PaymentProvider } from '../src/payments/payment-provider.js';
import { createSimulatedPayments } from '../src/payments/simulated.js';
import { fromStripeAmount, toStripeAmount } from '../src/payments/stripe-amounts.js';
import { createStripePayments } from '../src/payments/stripe.js';
import { forEachDatabase } from './support/databases.js';
import { manualClock } from './support/manual-clock.js';
import { startStripeStandIn, type StripeStandIn } from './support/stripe-stand-in.js';

const key = (name: string) => `test_${name}_${Math.random().toString(36).slice(2)}`;

async function rejectsWithCard(promise: Promise<unknown>, code: string, declineCode: string | null): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof CardError, String(error));
    assert.equal(error.statusCode, 402);
    assert.equal(error.type, 'card_error');
    assert.equal(error.code, code);
    assert.equal(error.details?.decline_code, declineCode);
    return true;
  });
}

/** What both providers must do the same way. */
function sharedBehaviour(provider: () => PaymentProvider) {
  test('pm_card_visa authorizes; capture takes the amount; a second capture changes nothing', async () => {
    const p = provider();
    const intent = await p.createIntent({
      amount: 4200,
      currency: 'USD',
      metadata: { checkout_session_id: 'cs_x' },
      idempotencyKey: key('create'),
    });
    assert.equal(intent.status, 'requires_payment_method');
    assert.equal(intent.amount, 4200);
    assert.ok(intent.clientSecret.startsWith(intent.id));
    const confirmed = await p.confirmIntent(intent.id, 'pm_card_visa', { idempotencyKey: key('confirm') });
    assert.equal(confirmed.status, 'requires_capture');
    assert.equal(confirmed.amountCapturable, 4200);
    assert.equal(confirmed.amountCaptured, 0);
    const captured = await p.captureIntent(intent.id, { idempotencyKey: `capture_${intent.id}` });
    assert.equal(captured.status, 'succeeded');
    assert.equal(captured.amountCaptured, 4200);
    assert.equal((await p.captureIntent(intent.id, { idempotencyKey: `capture_${intent.id}` })).amountCaptured, 4200);
    assert.equal((await p.retrieveIntent(intent.id)).metadata.checkout_session_id, 'cs_x');
  });

  test("a captured intent names the card's brand and last four digits, as the order records them", async () => {
    const p = provider();
    const intent = await p.createIntent({ amount: 990, currency: 'USD', metadata: {}, idempotencyKey: key('create') });
    assert.equal(intent.card, null, 'no card before one is attached');
    await p.confirmIntent(intent.id, 'pm_card_mastercard', { idempotencyKey: key('confirm') });
    const captured = await p.captureIntent(intent.id, { idempotencyKey: key('capture') });
    assert.deepEqual(captured.card, { brand: 'mastercard', last4: '4444' });
    assert.deepEqual((await p.retrieveIntent(intent.id)).card, { brand: 'mastercard', last4: '4444' });
  });

  test('creating twice with one idempotency key makes one intent', async () => {
    const p = provider();
    const k = key('same');
    const a = await p.createIntent({ amount: 100, currency: 'USD', metadata: {}, idempotencyKey: k });
    const b = await p.createIntent({ amount: 100, currency: 'USD', metadata: {}, idempotencyKey: k });
    assert.equal(a.id, b.id);
  });

  test('pm_card_chargeDeclined is a 402 card_declined and leaves the intent payable', async () => {
    const p = provider();
    const intent = await p.createIntent({ amount: 500, currency: 'USD', metadata: {}, idempotencyKey: key('c') });
    await rejectsWithCard(
      p.confirmIntent(intent.id, 'pm_card_chargeDeclined', { idempotencyKey: key('d') }),
      'card_declined',
      'generic_decline',
    );
    const after = await p.retrieveIntent(intent.id);
    assert.equal(after.status, 'requires_payment_method');
    assert.equal(after.lastError?.code, 'card_declined');
    assert.equal(
      (await p.confirmIntent(intent.id, 'pm_card_visa', { idempotencyKey: key('v') })).status,
      'requires_capture',
    );
  });

  test('pm_card_chargeDeclinedInsufficientFunds declines with insufficient_funds', async () => {
    const p = provider();
    const intent = await p.createIntent({ amount: 500, currency: 'USD', metadata: {}, idempotencyKey: key('c') });
    await rejectsWithCard(
      p.confirmIntent(intent.id, 'pm_card_chargeDeclinedInsufficientFunds', { idempotencyKey: key('d') }),
      'card_declined',
      'insufficient_funds',
    );
  });

  test('pm_card_authenticationRequired needs the shopper before it authorizes', async () => {
    const p = provider();
    const intent = await p.createIntent({ amount: 700, currency: 'USD', metadata: {}, idempotencyKey: key('c') });
    assert.equal(
      (await p.confirmIntent(intent.id, 'pm_card_authenticationRequired', { idempotencyKey: key('a') })).status,
      'requires_action',
    );
  });

  test('cancelling an authorization releases it, and partial then full refunds add up to the capture', async () => {
    const p = provider();
    const held = await p.createIntent({ amount: 900, currency: 'USD', metadata: {}, idempotencyKey: key('c') });
    await p.confirmIntent(held.id, 'pm_card_visa', { idempotencyKey: key('v') });
    assert.equal((await p.cancelIntent(held.id, { idempotencyKey: key('x') })).status, 'canceled');

    const paid = await p.createIntent({ amount: 1000, currency: 'USD', metadata: {}, idempotencyKey: key('c') });
    await p.confirmIntent(paid.id, 'pm_card_visa', { idempotencyKey: key('v') });
    await p.captureIntent(paid.id, { idempotencyKey: key('cap') });
    const first = await p.refund(paid.id, 300, { idempotencyKey: 'refund_1' + paid.id });
    assert.equal(first.amount, 300);
    assert.equal(
      (await p.refund(paid.id, 300, { idempotencyKey: 'refund_1' + paid.id })).id,
      first.id,
      'same key, same refund',
    );
    assert.equal((await p.refund(paid.id, 700, { idempotencyKey: 'refund_2' + paid.id })).amount, 700);
  });
}

forEachDatabase('simulated payments', (target) => {
  const clock = manualClock();
  const provider = () => createSimulatedPayments({ db: target.db, clock });
  sharedBehaviour(provider);

  test('the challenge of pm_card_authenticationRequired completes to an authorization or cancels to a failure', async () => {
    const p = provider();
    const a = await p.createIntent({ amount: 700, currency: 'USD', metadata: {}, idempotencyKey: key('c') });
    await p.confirmIntent(a.id, 'pm_card_authenticationRequired', { idempotencyKey: key('x') });
    assert.equal((await p.authenticate!(a.id, 'complete')).status, 'requires_capture');
    assert.equal((await p.authenticate!(a.id, 'complete')).status, 'requires_capture', 'completing twice is harmless');
    const b = await p.createIntent({ amount: 700, currency: 'USD', metadata: {}, idempotencyKey: key('c') });
    await p.confirmIntent(b.id, 'pm_card_authenticationRequired', { idempotencyKey: key('x') });
    const cancelled = await p.authenticate!(b.id, 'cancel');
    assert.equal(cancelled.status, 'requires_payment_method');
    assert.equal(cancelled.lastError?.code, 'payment_intent_authentication_failure');
  });

  test('refunding more than was captured is refused', async () => {
    const p = provider();
    const paid = await p.createIntent({ amount: 1000, currency: 'USD', metadata: {}, idempotencyKey: key('c') });
    await p.confirmIntent(paid.id, 'pm_card_visa', { idempotencyKey: key('v') });
    await p.captureIntent(paid.id, { idempotencyKey: key('cap') });
    await assert.rejects(
      p.refund(paid.id, 1001, { idempotencyKey: key('r') }),
      (e: unknown) => e instanceof InvalidRequestError && e.code === 'amount_too_large',
    );
  });

  test('an unknown PaymentMethod id is a 400 naming payment_method', async () => {
    const p = provider();
    const intent = await p.createIntent({ amount: 100, currency: 'USD', metadata: {}, idempotencyKey: key('c') });
    await assert.rejects(
      p.confirmIntent(intent.id, 'pm_4242424242424242', { idempotencyKey: key('x') }),
      (e: unknown) => e instanceof InvalidRequestError && e.param === 'payment_method',
    );
  });

  test('an uncaptured authorization cannot be refunded, and a captured one cannot be cancelled', async () => {
    const p = provider();
    const intent = await p.createIntent({ amount: 100, currency: 'USD', metadata: {}, idempotencyKey: key('c') });
    await p.confirmIntent(intent.id, 'pm_card_visa', { idempotencyKey: key('v') });
    await assert.rejects(p.refund(intent.id, 100, { idempotencyKey: key('r') }), /greater than what is left/);
    await p.captureIntent(intent.id, { idempotencyKey: key('cap') });
    await assert.rejects(p.cancelIntent(intent.id, { idempotencyKey: key('x') }), /cannot be canceled/);
  });
});

describe('Stripe payments through the real stripe library', () => {
  let standIn: StripeStandIn;
  const webhookSecret = 'whsec_test_secret';
  before(async () => {
    standIn = await startStripeStandIn();
  });
  after(() => standIn.close());
  const provider = () =>
    createStripePayments({
      secretKey: 'sk_test_standin',
      publishableKey: 'pk_test_standin',
      webhookSecret,
      api: standIn.api,
    });

  sharedBehaviour(provider);

  test('intents use automatic payment methods, manual capture and our idempotency keys', async () => {
    const p = provider();
    const intent = await p.createIntent({
      amount: 1234,
      currency: 'EUR',
      metadata: { checkout_session_id: 'cs_abc' },
      idempotencyKey: 'cs_abc:intent:1',
    });
    const request = standIn.requests.find(
      (r) => r.method === 'POST' && r.path === '/v1/payment_intents' && r.idempotencyKey === 'cs_abc:intent:1',
    );
    assert.ok(request, 'the create request carried our key');
    assert.equal(request.form['automatic_payment_methods[enabled]'], 'true');
    assert.equal(request.form.capture_method, 'manual');
    assert.equal(request.form.currency, 'eur');
    assert.equal(request.form.amount, '1234');
    assert.equal(intent.currency, 'EUR');
  });

  test('a 5xx is retried by the library with the same key and makes one intent', async () => {
    const p = provider();
    standIn.failNext(1);
    const before = standIn.intents.size;
    await p.createIntent({ amount: 50, currency: 'USD', metadata: {}, idempotencyKey: 'cs_retry:intent:1' });
    assert.equal(standIn.intents.size, before + 1);
    const attempts = standIn.requests.filter((r) => r.idempotencyKey === 'cs_retry:intent:1');
    assert.equal(attempts.length, 2);
  });

  test('amounts reach Stripe in the unit Stripe expects for each currency', async () => {
    assert.equal(toStripeAmount(1999, 'USD'), 1999);
    assert.equal(toStripeAmount(500, 'JPY'), 500);
    assert.equal(toStripeAmount(1230, 'KWD'), 1230);
    assert.throws(() => toStripeAmount(1234, 'KWD'), /multiples of 10/);
    assert.equal(toStripeAmount(500, 'ISK'), 50_000);
    assert.equal(fromStripeAmount(50_000, 'ISK'), 500);
    const p = provider();
    await p.createIntent({ amount: 800, currency: 'JPY', metadata: {}, idempotencyKey: 'cs_jpy:intent:1' });
    assert.equal(standIn.requests.find((r) => r.idempotencyKey === 'cs_jpy:intent:1')?.form.amount, '800');
  });

  test('a webhook signed with the secret parses to its event and PaymentIntent', () => {
    const payload = JSON.stringify({
      id: 'evt_1',
      object: 'event',
      type: 'payment_intent.succeeded',
      data: { object: { id: 'pi_123', object: 'payment_intent' } },
    });
    const header = new Stripe('sk_test_x').webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
    assert.deepEqual(provider().parseWebhook(Buffer.from(payload), header), {
      id: 'evt_1',
      type: 'payment_intent.succeeded',
      intentId: 'pi_123',
    });
  });

  test('a webhook with a bad signature, a re-serialized body or no header is a 400', () => {
    const payload = JSON.stringify({
      id: 'evt_2',
      object: 'event',
      type: 'payment_intent.succeeded',
      data: { object: { id: 'pi_1', object: 'payment_intent' } },
    });
    const stripe = new Stripe('sk_test_x');
    const wrong = stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other' });
    const right = stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
    const invalid = (e: unknown) => e instanceof InvalidRequestError && e.statusCode === 400;
    assert.throws(() => provider().parseWebhook(Buffer.from(payload), wrong), invalid);
    assert.throws(
      () => provider().parseWebhook(Buffer.from(JSON.stringify(JSON.parse(payload), null, 2)), right),
      invalid,
    );
    assert.throws(() => provider().parseWebhook(Buffer.from(payload), undefined), invalid);
  });
});
