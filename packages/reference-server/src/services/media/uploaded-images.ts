import { MAX_IMAGE_UPLOAD_BYTES, type ImageSource } from '@shoptag/sdk/contract';
import sharp, { type Metadata } from 'sharp';
import type { Clock } from '../../clock.js';
import { InvalidRequestError } from '../../errors.js';
import { randomId } from '../../ids.js';
import type { Db } from '../../store/db.js';
import { createMediaUploadRepository } from '../../store/media-upload-repository.js';
import { RENDITION_FORMATS, RENDITION_WIDTHS } from './image-renditions.js';

/** What sharp calls a format → the media type and file extension it is served with. */
const FORMATS: Record<string, { type: string; ext: string }> = {
  jpeg: { type: 'image/jpeg', ext: 'jpg' },
  png: { type: 'image/png', ext: 'png' },
  webp: { type: 'image/webp', ext: 'webp' },
  gif: { type: 'image/gif', ext: 'gif' },
  heif: { type: 'image/avif', ext: 'avif' },
};
/** Larger than this on either side is refused (a decompression bomb, or a mistake). */
const MAX_SIDE = 12_000;

export interface UploadedImage {
  id: string;
  url: string;
  width: number;
  height: number;
  sources: ImageSource[];
}

/** `/media/products/img_x.jpg` etc. → the image id, when the path names an uploaded image. */
export function uploadedImageId(url: string): string | undefined {
  return /^\/media\/products\/(img_[A-Za-z0-9]+)\.(jpg|png|webp|gif|avif)$/.exec(url)?.[1];
}

/** Renditions an uploaded image has: every width up to its own (the smallest always), WebP and AVIF. */
export function uploadSources(id: string, width: number): ImageSource[] {
  const widths = RENDITION_WIDTHS.filter((w, i) => i === 0 || w <= width);
  return RENDITION_FORMATS.flatMap((format) =>
    widths.map((w) => ({ url: `/media/products/${id}-${w}.${format}`, width: w, format })),
  );
}

export interface UploadedImagesDeps {
  db: Db;
  clock: Clock;
}

/**
 * Product images uploaded through the admin API. The bytes are checked to be an image of a known
 * format (whatever the Content-Type said), kept in the database, served as they were sent at
 * `/media/products/:id.:ext`, and resized into the same WebP/AVIF renditions as other images.
 */
export function createUploadedImages(deps: UploadedImagesDeps) {
  const repo = createMediaUploadRepository(deps.db);
  return {
    async save(bytes: Buffer): Promise<UploadedImage> {
      if (bytes.length === 0)
        throw new InvalidRequestError('Send the image file as the body.', { code: 'body_missing' });
      if (bytes.length > MAX_IMAGE_UPLOAD_BYTES)
        throw new InvalidRequestError('The image is larger than 10 MB.', { code: 'image_too_large', statusCode: 413 });
      let meta: Partial<Metadata> = {};
      try {
        meta = await sharp(bytes, { limitInputPixels: MAX_SIDE * MAX_SIDE }).metadata();
      } catch {
        // Not an image sharp can read: refused below.
      }
      const format = meta.format ? FORMATS[meta.format] : undefined;
      if (!format || !meta.width || !meta.height) {
        throw new InvalidRequestError('The file is not a JPEG, PNG, WebP, GIF or AVIF image.', {
          code: 'image_invalid',
        });
      }
      if (meta.width > MAX_SIDE || meta.height > MAX_SIDE) {
        throw new InvalidRequestError(`The image is larger than ${MAX_SIDE} pixels on a side.`, {
          code: 'image_too_large',
        });
      }
      // EXIF orientations 5–8 turn the picture a quarter: its shown size is the other way round.
      const turned = (meta.orientation ?? 1) >= 5;
      const width = turned ? meta.height : meta.width;
      const height = turned ? meta.width : meta.height;
      const id = randomId('img', 24);
      await repo.insert({ id, content_type: format.type, bytes, width, height }, deps.clock.now());
      return { id, url: `/media/products/${id}.${format.ext}`, width, height, sources: uploadSources(id, width) };
    },

    /** The file as uploaded, or undefined when there is none with this id. */
    async load(id: string): Promise<{ contentType: string; bytes: Buffer } | undefined> {
      const row = await repo.get(id);
      return row && { contentType: row.content_type, bytes: row.bytes };
    },

    /** Forgets an upload once no product shows it. */
    async forget(id: string, url: string): Promise<void> {
      await repo.deleteIfUnused(id, url);
    },
  };
}

export type UploadedImages = ReturnType<typeof createUploadedImages>;
