import type { Clock } from '../clock.js';
import { CardError, ConflictError, InvalidRequestError, NotFoundError } from '../errors.js';
import { randomId } from '../ids.js';
import type { Db } from '../store/db.js';
import { createSimulatedPaymentRepository, type SimulatedIntentRow } from '../store/simulated-payment-repository.js';
import type { PaymentIntent, PaymentProvider } from './payment-provider.js';
import { AUTHENTICATION_FAILURE, TEST_CARD_DETAILS, TEST_PAYMENT_METHODS } from './test-payment-methods.js';

export interface SimulatedPaymentsDeps {
  db: Db;
  clock: Clock;
}

function toIntent(row: SimulatedIntentRow): PaymentIntent {
  return {
    id: row.id,
    status: row.status as PaymentIntent['status'],
    amount: row.amount,
    currency: row.currency,
    clientSecret: row.client_secret,
    amountCapturable: row.status === 'requires_capture' ? row.amount : 0,
    amountCaptured: row.amount_captured,
    metadata: row.metadata,
    card: row.payment_method ? (TEST_CARD_DETAILS[row.payment_method] ?? null) : null,
    lastError: row.last_error,
  };
}

/**
 * The offline provider used when no Stripe key is configured. It follows Stripe's test-card
 * semantics for Stripe's test PaymentMethod ids (`pm_card_visa` authorizes, `pm_card_chargeDeclined`
 * declines …, `pm_card_authenticationRequired` needs a challenge) and keeps its intents in the
 * database, so every server process sees them. Creation is idempotent by key; every state change
 * is guarded on the current status, so repeating one is harmless.
 */
export function createSimulatedPayments(deps: SimulatedPaymentsDeps): PaymentProvider {
  const { db, clock } = deps;
  const repo = createSimulatedPaymentRepository(db);

  async function load(id: string): Promise<SimulatedIntentRow> {
    const row = await repo.get(id);
    if (!row) throw new NotFoundError(`No such payment intent: '${id}'`, { param: 'payment_intent' });
    return row;
  }

  async function move(
    id: string,
    from: readonly string[],
    change: Parameters<typeof repo.transition>[2],
  ): Promise<SimulatedIntentRow | undefined> {
    return repo.transition(id, from, change, clock.now());
  }

  const unexpected = (row: SimulatedIntentRow, action: string) =>
    new ConflictError(`This PaymentIntent's status is ${row.status}; it cannot be ${action}.`, {
      code: 'payment_intent_unexpected_state',
      details: { status: row.status },
    });

  return {
    kind: 'simulated',
    description: 'simulated (no STRIPE_SECRET_KEY)',
    publishableKey: null,

    async createIntent({ amount, currency, metadata, idempotencyKey }) {
      const id = randomId('pi_sim');
      const row = await repo.insertOnce(
        {
          id,
          idempotency_key: idempotencyKey,
          amount,
          currency,
          client_secret: `${id}_secret_${randomId('s', 24).slice(2)}`,
          metadata,
        },
        clock.now(),
      );
      return toIntent(row);
    },

    async updateAmount(intentId, amount) {
      const row = await move(intentId, ['requires_payment_method', 'requires_confirmation'], {
        status: 'requires_payment_method',
        amount,
        lastError: null,
      });
      if (row) return toIntent(row);
      const current = await load(intentId);
      if (current.amount === amount) return toIntent(current);
      throw unexpected(current, 'updated');
    },

    retrieveIntent: async (intentId) => toIntent(await load(intentId)),

    async confirmIntent(intentId, paymentMethod) {
      const outcome = TEST_PAYMENT_METHODS[paymentMethod];
      if (!outcome) {
        throw new InvalidRequestError(
          `No such PaymentMethod: '${paymentMethod}'. The simulated provider takes Stripe's test ids, e.g. pm_card_visa.`,
          {
            code: 'resource_missing',
            param: 'payment_method',
          },
        );
      }
      const current = await load(intentId);
      // Confirming again once authorized (a retry) answers the intent as it is.
      if (
        ['requires_capture', 'succeeded', 'requires_action'].includes(current.status) &&
        current.payment_method === paymentMethod
      )
        return toIntent(current);
      const from = ['requires_payment_method', 'requires_confirmation'];
      if (outcome.kind === 'declined') {
        const lastError = { code: outcome.code, declineCode: outcome.declineCode, message: outcome.message };
        await move(intentId, from, { status: 'requires_payment_method', paymentMethod, lastError });
        throw new CardError(outcome.message, {
          code: outcome.code,
          param: 'payment_method',
          details: { decline_code: outcome.declineCode, payment_intent: intentId },
        });
      }
      const status = outcome.kind === 'succeeds' ? 'requires_capture' : 'requires_action';
      const row = await move(intentId, from, { status, paymentMethod, lastError: null });
      if (row) return toIntent(row);
      // A concurrent confirmation with the same method won the race: answer its result.
      const now = await load(intentId);
      if (
        ['requires_capture', 'succeeded', 'requires_action'].includes(now.status) &&
        now.payment_method === paymentMethod
      )
        return toIntent(now);
      throw unexpected(now, 'confirmed');
    },

    async authenticate(intentId, result) {
      const row =
        result === 'complete'
          ? await move(intentId, ['requires_action'], { status: 'requires_capture', lastError: null })
          : await move(intentId, ['requires_action'], {
              status: 'requires_payment_method',
              paymentMethod: null,
              lastError: AUTHENTICATION_FAILURE,
            });
      if (row) return toIntent(row);
      const current = await load(intentId);
      const done = result === 'complete' ? ['requires_capture', 'succeeded'] : ['requires_payment_method'];
      if (done.includes(current.status)) return toIntent(current);
      throw unexpected(current, result === 'complete' ? 'authenticated' : 'abandoned');
    },

    async captureIntent(intentId) {
      const row = await move(intentId, ['requires_capture'], { status: 'succeeded', captured: true });
      if (row) return toIntent(row);
      const current = await load(intentId);
      if (current.status === 'succeeded') return toIntent(current);
      throw unexpected(current, 'captured');
    },

    async cancelIntent(intentId) {
      const row = await move(
        intentId,
        ['requires_payment_method', 'requires_confirmation', 'requires_action', 'requires_capture'],
        { status: 'canceled' },
      );
      if (row) return toIntent(row);
      const current = await load(intentId);
      if (current.status === 'canceled') return toIntent(current);
      throw unexpected(current, 'canceled');
    },

    async refund(intentId, amount, { idempotencyKey }) {
      const current = await load(intentId);
      const refund = await db.transaction((tx) =>
        createSimulatedPaymentRepository(tx).refundOnce(
          randomId('re_sim'),
          intentId,
          idempotencyKey,
          amount,
          clock.now(),
        ),
      );
      if (!refund) {
        throw new InvalidRequestError(
          `Refund amount (${amount}) is greater than what is left to refund (${current.amount_captured - current.amount_refunded}).`,
          {
            code: 'amount_too_large',
            param: 'amount',
          },
        );
      }
      return refund;
    },

    parseWebhook() {
      throw new InvalidRequestError(
        'The simulated payment provider sends no webhooks; configure STRIPE_WEBHOOK_SECRET to receive Stripe events.',
        {
          code: 'webhooks_not_configured',
        },
      );
    },
  };
}
