import type { RequestHandler } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  contentSecurityPolicy,
  crossOriginOpenerPolicy,
  crossOriginResourcePolicy,
  originAgentCluster,
  referrerPolicy,
  xContentTypeOptions,
  xDnsPrefetchControl,
  xDownloadOptions,
  xFrameOptions,
  xPermittedCrossDomainPolicies,
  xXssProtection,
} from 'helmet';

/** One year: what browsers and the HSTS preload list expect of a site that means it. */
export const HSTS_MAX_AGE_S = 31_536_000;

/**
 * Security headers on every response (helmet): `nosniff`, no referrer, no framing, same-origin
 * opener and resource policies, and a CSP that lets nothing load, as an API response is never a
 * document. Demo pages replace the CSP, framing and referrer headers with their own
 * (see `page-security.ts`); public assets (the CDN script, media) allow cross-origin embedding.
 * CORS is untouched: the resource policy does not apply to CORS requests, so storefronts on other
 * origins keep reading the API. HSTS comes from {@link strictTransportSecurity}.
 */
export function securityHeaders(): RequestHandler {
  const headers = apiSecurityHeaders();
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

let computed: readonly (readonly [string, string])[] | undefined;

/**
 * The headers {@link securityHeaders} sets, as name/value pairs: helmet's defaults, one by one
 * (its default export does not type-check in every module resolution the build uses), minus HSTS
 * and X-Powered-By (Express's, switched off in app.ts). None depends on the request (no nonces),
 * so helmet computes them once, here.
 */
export function apiSecurityHeaders(): readonly (readonly [string, string])[] {
  if (computed) return computed;
  const middlewares = [
    contentSecurityPolicy({ useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } }),
    crossOriginOpenerPolicy({ policy: 'same-origin' }),
    crossOriginResourcePolicy({ policy: 'same-origin' }),
    originAgentCluster(),
    referrerPolicy({ policy: 'no-referrer' }),
    xContentTypeOptions(),
    xDnsPrefetchControl(),
    xDownloadOptions(),
    xFrameOptions({ action: 'deny' }),
    xPermittedCrossDomainPolicies(),
    xXssProtection(),
  ];
  const headers: [string, string][] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.push([name, String(value)]);
    },
    removeHeader() {},
  };
  for (const middleware of middlewares)
    middleware({} as IncomingMessage, recorder as unknown as ServerResponse, () => {});
  return (computed = headers);
}

/**
 * `Strict-Transport-Security` on responses to requests that reached the proxy over HTTPS
 * (`X-Forwarded-Proto: https` from a proxy within `SHOPTAG_TRUST_PROXY` hops). Over plain HTTP
 * the header means nothing, and an untrusted `X-Forwarded-Proto` could be anyone's claim.
 * Without `includeSubDomains`: other hosts of the shop's domain are the operator's decision.
 */
export function strictTransportSecurity(): RequestHandler {
  return (req, res, next) => {
    if (req.secure) res.setHeader('Strict-Transport-Security', `max-age=${HSTS_MAX_AGE_S}`);
    next();
  };
}
