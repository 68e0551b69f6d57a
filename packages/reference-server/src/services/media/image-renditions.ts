import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImageSource } from '@shoptag/sdk/contract';
import sharp from 'sharp';

/** Widths of the renditions, in pixels. */
export const RENDITION_WIDTHS = [320, 640, 960, 1280, 1920] as const;
export const RENDITION_FORMATS = ['webp', 'avif'] as const;
export type RenditionFormat = (typeof RENDITION_FORMATS)[number];

const WEBP_QUALITY = 80;
const AVIF_QUALITY = 50;
const AVIF_EFFORT = 2;

/** `/media/products/img_x.svg` → the renditions the server can make of it (all of them: SVG scales). */
export function renditionSources(url: string): ImageSource[] {
  const m = /^\/media\/products\/(img_[A-Za-z0-9]+)\.svg$/.exec(url);
  if (!m) return [];
  return RENDITION_FORMATS.flatMap((format) =>
    RENDITION_WIDTHS.map((width) => ({ url: `/media/products/${m[1]}-${width}.${format}`, width, format })),
  );
}

export type RenditionResult =
  { kind: 'image'; body: Buffer; format: RenditionFormat } | { kind: 'redirect'; to: string } | null;

export interface ImageRenditionsOptions {
  /** Where finished renditions are kept; survives restarts. */
  cacheDir: string;
  /** The source image (SVG text or raster bytes), or null when there is no such image. */
  loadSource: (imageId: string) => string | Buffer | null | Promise<string | Buffer | null>;
  onError?: (error: unknown) => void;
}

/**
 * Resized WebP and AVIF renditions of product images, made once and kept on disk. WebP is made on
 * request (tens of milliseconds); AVIF takes seconds, so a request for one that is not ready is
 * redirected to the WebP of the same width while a background queue makes it.
 */
export function createImageRenditions(options: ImageRenditionsOptions) {
  mkdirSync(options.cacheDir, { recursive: true });
  const inFlight = new Map<string, Promise<Buffer | null>>();
  const queue: (() => Promise<void>)[] = [];
  let draining = false;

  const file = (imageId: string, width: number, format: RenditionFormat) =>
    join(options.cacheDir, `${imageId}-${width}.${format}`);

  async function render(imageId: string, width: number, format: RenditionFormat): Promise<Buffer | null> {
    const path = file(imageId, width, format);
    if (existsSync(path)) return readFileSync(path);
    const key = `${imageId}-${width}.${format}`;
    const running = inFlight.get(key);
    if (running) return running;
    const job = (async () => {
      const source = await options.loadSource(imageId);
      if (source === null) return null;
      const input = typeof source === 'string' ? Buffer.from(source) : source;
      // SVG rasterizes at its own size unless told a density; ask for enough pixels for the width.
      const pipeline = sharp(input, {
        density: typeof source === 'string' ? Math.max(72, Math.ceil((72 * width) / 800)) : 72,
      })
        // Raster uploads from phones carry their orientation in EXIF: turn them upright first.
        .rotate()
        .resize({ width });
      const body = await (
        format === 'webp'
          ? pipeline.webp({ quality: WEBP_QUALITY })
          : pipeline.avif({ quality: AVIF_QUALITY, effort: AVIF_EFFORT })
      ).toBuffer();
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, body);
      renameSync(temp, path);
      return body;
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, job);
    return job;
  }

  async function drain(): Promise<void> {
    if (draining) return;
    draining = true;
    try {
      for (let task = queue.shift(); task; task = queue.shift()) await task();
    } finally {
      draining = false;
    }
  }

  function enqueue(imageId: string, width: number, format: RenditionFormat): void {
    queue.push(() =>
      render(imageId, width, format).then(
        () => undefined,
        (error: unknown) => options.onError?.(error),
      ),
    );
    void drain();
  }

  return {
    async get(imageId: string, width: number, format: RenditionFormat): Promise<RenditionResult> {
      if (!(RENDITION_WIDTHS as readonly number[]).includes(width)) return null;
      if (format === 'avif' && !existsSync(file(imageId, width, 'avif'))) {
        if ((await options.loadSource(imageId)) === null) return null;
        if (!inFlight.has(`${imageId}-${width}.avif`)) enqueue(imageId, width, 'avif');
        return { kind: 'redirect', to: `/media/products/${imageId}-${width}.webp` };
      }
      const body = await render(imageId, width, format);
      return body === null ? null : { kind: 'image', body, format };
    },

    /** Makes renditions ahead of requests, one at a time in the background (for example the demo catalog's WebP). */
    warm(imageIds: readonly string[], widths: readonly number[], formats: readonly RenditionFormat[]): void {
      for (const format of formats) for (const width of widths) for (const id of imageIds) enqueue(id, width, format);
    },

    /** Resolves when the background queue is empty (tests). */
    async idle(): Promise<void> {
      while (draining || queue.length > 0 || inFlight.size > 0) await new Promise((r) => setTimeout(r, 20));
    },
  };
}

export type ImageRenditions = ReturnType<typeof createImageRenditions>;
