import { createHash } from 'node:crypto';
import { CONTENT_CODINGS, MIN_COMPRESSED_BYTES, type BodyCompressor, type ContentCoding } from './body-compressor.js';

/** A coding of a body: its bytes, or `null` when compressing did not make it smaller (the identity bytes are sent). */
export type CodedBytes = Buffer | null;

/** The codings of a body made so far; a coding that is absent has not been made yet. */
export type Codings = Partial<Record<ContentCoding, CodedBytes>>;

/**
 * A response body, ready to send in any content coding: its identity bytes with a strong entity
 * tag, and its br and gzip codings, each made at most once and then kept beside it.
 */
export interface EncodedBody {
  /** The body as it is (the identity coding). */
  readonly bytes: Buffer;
  /** The strong entity tag of the identity bytes; each coding has its own (`codedEtag`). */
  readonly etag: string;
  /** The codings made so far. */
  readonly coded: Codings;
  /** The body as UTF-8 text (decoded when asked for; sending never needs it). */
  readonly body: string;
  /**
   * The coding's bytes: from `coded` when made, otherwise compressed now (once, however many
   * callers ask at the same moment), kept, and handed to `onEncoded`.
   */
  encode(coding: ContentCoding): Promise<CodedBytes>;
}

export interface EncodedBodyOptions {
  compressor: BodyCompressor;
  /** The identity bytes' entity tag when known (read from a cache); computed otherwise. */
  etag?: string;
  /** Codings already made (read from a cache). */
  coded?: Codings;
  /** Called once a coding has been made, to keep it where the body is kept. */
  onEncoded?: (body: EncodedBody) => Promise<void>;
}

/** A strong entity tag of some bytes. */
export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/**
 * The entity tag of a coding of the body tagged `etag`. Each coding is a different sequence of
 * bytes, so a strong tag must differ between them (RFC 9110 §8.8.3): `"tag"` → `"tag-br"`.
 */
export function codedEtag(etag: string, coding: ContentCoding): string {
  return `${etag.slice(0, -1)}-${coding}"`;
}

export function createEncodedBody(bytes: Buffer, options: EncodedBodyOptions): EncodedBody {
  // A small body is always sent as it is: say so for every coding, and never compress it.
  const coded: Codings = bytes.length < MIN_COMPRESSED_BYTES ? { br: null, gzip: null } : { ...options.coded };
  const pending = new Map<ContentCoding, Promise<CodedBytes>>();
  const make = async (coding: ContentCoding): Promise<CodedBytes> => {
    const out = await options.compressor.compress(bytes, coding);
    // Already-compressed content can come out larger: then identity is the better answer.
    const kept = out.length < bytes.length ? out : null;
    coded[coding] = kept;
    await options.onEncoded?.(body);
    return kept;
  };
  const body: EncodedBody = {
    bytes,
    etag: options.etag ?? etagOf(bytes),
    coded,
    get body() {
      return bytes.toString('utf8');
    },
    encode(coding) {
      const made = coded[coding];
      if (made !== undefined) return Promise.resolve(made);
      let making = pending.get(coding);
      if (!making) {
        // A failed attempt is forgotten, so the next request tries again.
        making = make(coding).finally(() => pending.delete(coding));
        pending.set(coding, making);
      }
      return making;
    },
  };
  return body;
}

/** A body with every coding made: for what is compressed once and sent many times. */
export async function precompressed(bytes: Buffer, compressor: BodyCompressor): Promise<EncodedBody> {
  const body = createEncodedBody(bytes, { compressor });
  await Promise.all(CONTENT_CODINGS.map((coding) => body.encode(coding)));
  return body;
}

/** Bytes held by a body and its codings. */
export function encodedSize(body: EncodedBody): number {
  return CONTENT_CODINGS.reduce((n, coding) => n + (body.coded[coding]?.length ?? 0), body.bytes.length);
}

/**
 * A body made and compressed on first use, then kept: concurrent first requests share the work,
 * and a failure is forgotten so the next request tries again.
 */
export function precompressedOnce(load: () => Buffer, compressor: BodyCompressor): () => Promise<EncodedBody> {
  let made: Promise<EncodedBody> | null = null;
  return () => {
    made ??= precompressed(load(), compressor).catch((error: unknown) => {
      made = null;
      throw error;
    });
    return made;
  };
}
