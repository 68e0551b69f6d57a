// A local HTTP stand-in for the Stripe endpoints the server uses (PaymentIntents create, retrieve,
// update, confirm, capture, cancel; refunds create), so tests drive the real `stripe` library
// without the network. It follows Stripe's test PaymentMethod semantics and Idempotency-Key replay.
// Like Stripe's API it also answers browsers (CORS): with a publishable key, only retrieving and
// confirming a PaymentIntent whose client_secret is given, as Stripe.js does in the page.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_CARD_DETAILS } from '../../src/payments/test-payment-methods.js';

export interface StandInIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  currency: string;
  status: string;
  capture_method: string;
  client_secret: string;
  payment_method: string | null;
  automatic_payment_methods: { enabled: boolean } | null;
  metadata: Record<string, string>;
  last_payment_error: { code: string; decline_code?: string; message: string; type: string } | null;
  created: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  form: Record<string, string>;
}

export interface StripeStandIn {
  /** Options for `createStripePayments({ api })`. */
  api: { host: string; port: number; protocol: 'http' };
  intents: Map<string, StandInIntent>;
  requests: RecordedRequest[];
  /** The next `n` requests answer 500 (before doing anything), to exercise the library's retries. */
  failNext(n: number): void;
  close(): Promise<void>;
}

const DECLINES: Record<string, { code: string; decline_code?: string; message: string }> = {
  pm_card_chargeDeclined: {
    code: 'card_declined',
    decline_code: 'generic_decline',
    message: 'Your card was declined.',
  },
  pm_card_chargeDeclinedInsufficientFunds: {
    code: 'card_declined',
    decline_code: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
};

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

function readForm(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

function metadataOf(form: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) {
    const m = /^metadata\[(.+)\]$/.exec(key);
    if (m) out[m[1]!] = value;
  }
  return out;
}

/** Stripe's `expand[]=payment_method`: the PaymentMethod object in place of its id (cards of the test ids). */
function expanded(result: { status: number; body: unknown }, form: Record<string, string>) {
  const intent = result.body as Partial<StandInIntent> | null;
  const wanted = Object.entries(form).some(([k, v]) => /^expand\[\d*\]$/.test(k) && v === 'payment_method');
  if (!wanted || intent?.object !== 'payment_intent' || typeof intent.payment_method !== 'string') return result;
  const card = TEST_CARD_DETAILS[intent.payment_method] ?? { brand: 'visa', last4: '4242' };
  const paymentMethod = { id: intent.payment_method, object: 'payment_method', type: 'card', card };
  return { ...result, body: { ...intent, payment_method: paymentMethod } };
}

export async function startStripeStandIn(): Promise<StripeStandIn> {
  const intents = new Map<string, StandInIntent>();
  const requests: RecordedRequest[] = [];
  const replays = new Map<string, { status: number; body: unknown }>();
  let failures = 0;

  const error = (status: number, type: string, message: string, extra: Record<string, unknown> = {}) => ({
    status,
    body: { error: { type, message, ...extra } },
  });

  /** What a publishable key may not do (anything but its own intent, named with its client secret), or null. */
  function refusedToBrowser(
    method: string,
    path: string,
    form: Record<string, string>,
  ): { status: number; body: unknown } | null {
    const m = /^\/v1\/payment_intents\/([^/]+)(\/confirm)?$/.exec(path);
    const allowed = m && (method === 'GET' ? !m[2] : method === 'POST' && m[2]);
    if (!allowed)
      return error(401, 'invalid_request_error', 'This API call cannot be made with a publishable API key.', {
        code: 'secret_key_required',
      });
    const intent = intents.get(m[1]!);
    if (!intent || form.client_secret !== intent.client_secret)
      return error(404, 'invalid_request_error', `No such payment_intent: '${m[1]!}'`, { code: 'resource_missing' });
    return null;
  }

  function handle(method: string, path: string, form: Record<string, string>): { status: number; body: unknown } {
    if (method === 'POST' && path === '/v1/payment_intents') {
      const intent: StandInIntent = {
        id: id('pi'),
        object: 'payment_intent',
        amount: Number(form.amount),
        amount_capturable: 0,
        amount_received: 0,
        currency: form.currency ?? 'usd',
        status: 'requires_payment_method',
        capture_method: form.capture_method ?? 'automatic_async',
        client_secret: '',
        payment_method: null,
        automatic_payment_methods: form['automatic_payment_methods[enabled]'] === 'true' ? { enabled: true } : null,
        metadata: metadataOf(form),
        last_payment_error: null,
        created: Math.floor(Date.now() / 1000),
      };
      intent.client_secret = `${intent.id}_secret_${randomBytes(8).toString('hex')}`;
      intents.set(intent.id, intent);
      return { status: 200, body: intent };
    }
    if (method === 'POST' && path === '/v1/refunds') {
      const intent = intents.get(form.payment_intent ?? '');
      if (!intent) return error(404, 'invalid_request_error', 'No such payment_intent', { code: 'resource_missing' });
      const amount = form.amount ? Number(form.amount) : intent.amount_received;
      return {
        status: 200,
        body: {
          id: id('re'),
          object: 'refund',
          amount,
          payment_intent: intent.id,
          status: 'succeeded',
          currency: intent.currency,
        },
      };
    }
    const m = /^\/v1\/payment_intents\/([^/]+)(?:\/(confirm|capture|cancel))?$/.exec(path);
    const intent = m ? intents.get(m[1]!) : undefined;
    if (!m || !intent)
      return error(404, 'invalid_request_error', `No such payment_intent: '${m?.[1] ?? ''}'`, {
        code: 'resource_missing',
      });
    const action = m[2];
    if (method === 'GET' && !action) return { status: 200, body: intent };
    if (method === 'POST' && !action) {
      if (form.amount) intent.amount = Number(form.amount);
      return { status: 200, body: intent };
    }
    if (action === 'confirm') {
      const pm = form.payment_method ?? intent.payment_method ?? '';
      intent.payment_method = pm;
      const decline = DECLINES[pm];
      if (decline) {
        intent.status = 'requires_payment_method';
        intent.last_payment_error = { ...decline, type: 'card_error' };
        return error(402, 'card_error', decline.message, {
          code: decline.code,
          decline_code: decline.decline_code,
          param: 'payment_method',
          payment_intent: intent,
        });
      }
      intent.last_payment_error = null;
      if (pm === 'pm_card_authenticationRequired') intent.status = 'requires_action';
      else if (intent.capture_method === 'manual') {
        intent.status = 'requires_capture';
        intent.amount_capturable = intent.amount;
      } else {
        intent.status = 'succeeded';
        intent.amount_received = intent.amount;
      }
      return { status: 200, body: intent };
    }
    if (action === 'capture') {
      if (intent.status !== 'requires_capture')
        return error(400, 'invalid_request_error', 'This PaymentIntent could not be captured.', {
          code: 'payment_intent_unexpected_state',
        });
      intent.status = 'succeeded';
      intent.amount_received = intent.amount_capturable;
      intent.amount_capturable = 0;
      return { status: 200, body: intent };
    }
    intent.status = 'canceled';
    intent.amount_capturable = 0;
    return { status: 200, body: intent };
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const [path = '', query = ''] = (req.url ?? '').split('?');
      const method = req.method ?? 'GET';
      const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
      const form = method === 'GET' ? readForm(query) : readForm(raw);
      const publishable = /^Bearer pk_/.test(req.headers.authorization ?? '');
      requests.push({ method, path, idempotencyKey, form });
      let result: { status: number; body: unknown };
      const replayKey = idempotencyKey && method === 'POST' ? `${path} ${idempotencyKey}` : undefined;
      if (failures > 0) {
        failures--;
        result = { status: 500, body: { error: { type: 'api_error', message: 'stand-in failure' } } };
      } else if (replayKey && replays.has(replayKey)) {
        res.setHeader('Idempotent-Replayed', 'true');
        result = replays.get(replayKey)!;
      } else {
        result = (publishable ? refusedToBrowser(method, path, form) : null) ?? handle(method, path, form);
        // Stripe stores every answer to a keyed POST, except 5xx.
        if (replayKey) replays.set(replayKey, JSON.parse(JSON.stringify(result)) as typeof result);
      }
      res.statusCode = result.status;
      res.setHeader('content-type', 'application/json');
      result = expanded(result, form);
      res.setHeader('request-id', id('req'));
      res.end(JSON.stringify(result.body));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    api: { host: '127.0.0.1', port, protocol: 'http' },
    intents,
    requests,
    failNext: (n) => void (failures = n),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
