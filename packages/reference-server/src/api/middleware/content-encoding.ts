import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';
import Negotiator from 'negotiator';
import type { IncomingMessage } from 'node:http';
import { extname } from 'node:path';
import { constants } from 'node:zlib';
import {
  CONTENT_CODINGS,
  MIN_COMPRESSED_BYTES,
  codedEtag,
  isCompressibleFile,
  type CodedBytes,
  type ContentCoding,
  type EncodedBody,
} from '../../services/http/index.js';

const OFFERED = [...CONTENT_CODINGS, 'identity'];
/** Brotli quality for bodies compressed on every response (nothing stores them): fast, still well under gzip 6 in size. */
const STREAMING_BROTLI_QUALITY = 4;

// negotiator 0.6.4 takes the server's preference among codings of equal quality as a second
// argument, which its type definitions (written for 0.6.3) do not list.
type EncodingChoice = (
  this: Negotiator,
  offered: readonly string[],
  preferred: readonly string[],
) => string | undefined;
const chooseEncoding = Negotiator.prototype.encoding as EncodingChoice;
const MAX_REMEMBERED_HEADERS = 256;
const codingByHeader = new Map<string, ContentCoding | undefined>();

/**
 * The coding to answer with, from `Accept-Encoding`: the client's highest q-value among br, gzip
 * and identity, brotli before gzip when the client weighs them the same; `undefined` for identity
 * (also when the header is absent or the client refuses every coding we have).
 */
export function acceptedCoding(req: Pick<IncomingMessage, 'headers'>): ContentCoding | undefined {
  const header = req.headers['accept-encoding'] ?? '';
  // Browsers send a handful of distinct headers: each is negotiated once.
  if (codingByHeader.has(header)) return codingByHeader.get(header);
  const negotiator = new Negotiator({ headers: { 'accept-encoding': header } });
  const choice = chooseEncoding.call(negotiator, OFFERED, CONTENT_CODINGS);
  const coding = CONTENT_CODINGS.find((c) => c === choice);
  if (codingByHeader.size >= MAX_REMEMBERED_HEADERS) codingByHeader.clear();
  codingByHeader.set(header, coding);
  return coding;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  // Weak comparison, as RFC 9110 asks for If-None-Match.
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

export interface SendEncodedOptions {
  /** A media type or file extension, as `res.type` takes it. */
  type: string;
  cacheControl: string;
  lastModified?: Date;
}

/**
 * Sends a body in the coding the client takes — stored bytes when that coding was made before,
 * compressed once now otherwise — with the coding's own strong ETag, `Vary: Accept-Encoding`,
 * and an empty 304 when `If-None-Match` names that ETag. HEAD gets the same headers, no body.
 */
export async function sendEncoded(
  req: Request,
  res: Response,
  body: EncodedBody,
  options: SendEncodedOptions,
): Promise<void> {
  const coding = acceptedCoding(req);
  let coded: CodedBytes = null;
  if (coding !== undefined) {
    const made = body.coded[coding];
    coded = made !== undefined ? made : await body.encode(coding);
  }
  const etag = coding !== undefined && coded !== null ? codedEtag(body.etag, coding) : body.etag;
  // Chosen here: the compression middleware must not compress it again.
  res.locals.preEncoded = true;
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', options.cacheControl);
  if (options.lastModified) res.setHeader('Last-Modified', options.lastModified.toUTCString());
  res.vary('Accept-Encoding');
  if (matches(req.get('if-none-match'), etag)) {
    res.status(304).end();
    return;
  }
  res.type(options.type);
  if (coding !== undefined && coded !== null) res.setHeader('Content-Encoding', coding);
  // Sets Content-Length from the bytes sent; for HEAD, sends the headers alone. Without an
  // If-None-Match it also answers If-Modified-Since with a 304.
  res.send(coded ?? body.bytes);
}

/**
 * Compresses every other compressible response of 1 KiB or more as it is sent (`compression`:
 * br or gzip by `Accept-Encoding`, `Vary: Accept-Encoding`, nothing for images or `no-transform`).
 * Responses sent by `sendEncoded` pass through untouched.
 */
export function compressResponses(): RequestHandler {
  return compression({
    threshold: MIN_COMPRESSED_BYTES,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: STREAMING_BROTLI_QUALITY } },
    filter: (req, res) => {
      if ((res as Response).locals.preEncoded) return false;
      // A 304 has no Content-Type to judge by, but must vary as the 200 did: judge by the path.
      if (res.statusCode === 304) return extname(req.path) === '' || isCompressibleFile(req.path);
      return compression.filter(req, res);
    },
  });
}
