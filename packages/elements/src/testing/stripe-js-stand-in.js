// Test support: a stand-in for Stripe.js, for tests without the network. It is NOT Stripe.js and
// proves nothing about it; it lets tests check our wiring: loadStripe finds it as `window.Stripe`
// (the way it finds a Stripe.js already on the page), and it implements the small surface
// <shop-checkout> uses — Stripe(pk).elements({ clientSecret, appearance }), elements.create('payment'),
// mount, on('ready' | 'change' | 'loaderror'), destroy, elements.fetchUpdates, confirmPayment,
// handleNextAction — confirming PaymentIntents against the local Stripe API stand-in
// (packages/reference-server/test/support/stripe-stand-in.ts) with a publishable key and the
// client secret, as Stripe.js does, and a test PaymentMethod id in place of the card Stripe's
// iframe would collect.
//
// Plain JavaScript, so it loads both as a module (element tests) and as the classic script a
// Playwright route serves for js.stripe.com (end-to-end tests). Configure it before use with
// window.__STRIPE_STAND_IN__ = { api: 'http://127.0.0.1:PORT', paymentMethod: 'pm_card_visa' };
// `failLoad: true` makes Stripe(pk) throw, as a broken Stripe.js would; `calls` records each call.
(function () {
  /** @returns {{ api?: string, paymentMethod?: string, complete?: boolean, failLoad?: boolean, calls?: object[] }} */
  const config = () => (window.__STRIPE_STAND_IN__ ??= {});
  const record = (name, detail) => (config().calls ??= []).push({ name, ...detail });
  const intentOf = (clientSecret) => clientSecret.split('_secret_')[0];

  async function api(key, method, path, form) {
    const url = new URL(path, config().api);
    const init = { method, headers: { authorization: `Bearer ${key}` } };
    if (method === 'GET') for (const [k, v] of Object.entries(form)) url.searchParams.set(k, v);
    else init.body = new URLSearchParams(form);
    return (await fetch(url, init)).json();
  }

  function Stripe(key) {
    if (config().failLoad) throw new Error('Stripe.js stand-in: failing to load, as configured');
    record('Stripe', { key });
    return {
      elements({ clientSecret, appearance, locale }) {
        record('elements', { clientSecret, appearance, locale });
        let mounted = null;
        return {
          clientSecret,
          fetchUpdates: async () => (record('fetchUpdates', {}), {}),
          create(type) {
            const handlers = {};
            const emit = (name, event) => (handlers[name] ?? []).forEach((fn) => fn(event));
            const box = document.createElement('div');
            box.className = 'StripeElement';
            const frame = document.createElement('iframe');
            frame.title = 'Secure payment input frame';
            frame.srcdoc = '<p>Stripe.js stand-in: card details</p>';
            box.append(frame);
            return {
              mount(node) {
                record('mount', { type, inShadowRoot: node.getRootNode() instanceof ShadowRoot });
                node.append(box);
                mounted = box;
                setTimeout(() => {
                  emit('ready', { elementType: type });
                  emit('change', {
                    elementType: type,
                    empty: false,
                    complete: config().complete ?? true,
                    collapsed: false,
                    value: { type: 'card' },
                  });
                }, 0);
              },
              on(name, fn) {
                (handlers[name] ??= []).push(fn);
                return this;
              },
              destroy() {
                box.remove();
              },
            };
          },
          get mounted() {
            return mounted;
          },
        };
      },
      async confirmPayment({ elements, redirect, confirmParams }) {
        record('confirmPayment', {
          redirect,
          returnUrl: confirmParams?.return_url,
          connected: elements.mounted?.isConnected === true,
        });
        const secret = elements.clientSecret;
        const body = await api(key, 'POST', `/v1/payment_intents/${intentOf(secret)}/confirm`, {
          client_secret: secret,
          payment_method: config().paymentMethod ?? 'pm_card_visa',
          return_url: confirmParams?.return_url ?? '',
        });
        return body.error ? { error: body.error } : { paymentIntent: body };
      },
      async handleNextAction({ clientSecret }) {
        record('handleNextAction', { clientSecret });
        const body = await api(key, 'GET', `/v1/payment_intents/${intentOf(clientSecret)}`, {
          client_secret: clientSecret,
        });
        return body.error ? { error: body.error } : { paymentIntent: body };
      },
    };
  }
  // The release train @stripe/stripe-js 10 expects; another would make it warn.
  Stripe.version = 'endive';
  window.Stripe = Stripe;
})();
