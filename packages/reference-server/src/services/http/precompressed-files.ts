import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { BodyCompressor } from './body-compressor.js';
import { precompressed, type EncodedBody } from './encoded-body.js';

/** Text formats worth compressing; everything else (images, fonts, archives) is already compact. */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.map', '.svg', '.txt', '.xml', '.webmanifest']);

/** Whether files with this name are served precompressed. */
export function isCompressibleFile(path: string): boolean {
  return COMPRESSIBLE.has(extname(path).toLowerCase());
}

export interface PrecompressedFile {
  body: EncodedBody;
  modified: Date;
}

/**
 * The compressible files under `root`, each read and compressed once (at the highest levels: they
 * are sent many times) and kept in memory; a file that changes on disk (a rebuild) is read again.
 */
export function createPrecompressedFiles(options: { root: string; compressor: BodyCompressor }) {
  const root = resolve(options.root);
  const kept = new Map<string, { size: number; mtimeMs: number; body: Promise<EncodedBody> }>();

  /** The file a URL path names inside `root`, or null when it escapes it. */
  function under(urlPath: string): string | null {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return null;
    }
    if (decoded.includes('\0')) return null;
    const file = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
    return file.startsWith(root + sep) ? file : null;
  }

  async function get(urlPath: string): Promise<PrecompressedFile | null> {
    const file = under(urlPath);
    if (file === null || !isCompressibleFile(file)) return null;
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    let entry = kept.get(file);
    if (!entry || entry.size !== info.size || entry.mtimeMs !== info.mtimeMs) {
      const body = readFile(file).then((bytes) => precompressed(bytes, options.compressor));
      entry = { size: info.size, mtimeMs: info.mtimeMs, body };
      kept.set(file, entry);
      // A failed read or compression is tried again by the next request.
      body.catch(() => kept.get(file) === entry && kept.delete(file));
    }
    return { body: await entry.body, modified: info.mtime };
  }

  /** Compresses every file under `root` (except source maps, which only developer tools ask for), one at a time. */
  async function warmUnder(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await warmUnder(path);
      else if (entry.isFile() && !entry.name.endsWith('.map') && isCompressibleFile(entry.name))
        await get(`/${relative(root, path).split(sep).join('/')}`).catch(() => null);
    }
  }

  return { get, warm: () => warmUnder(root) };
}

export type PrecompressedFiles = ReturnType<typeof createPrecompressedFiles>;
