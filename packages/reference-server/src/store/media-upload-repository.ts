import type { Queryable } from './db.js';

export interface MediaUploadRow {
  id: string;
  content_type: string;
  bytes: Buffer;
  width: number;
  height: number;
}

/** Uploaded image files, kept in the database so every server process can serve them. */
export function createMediaUploadRepository(q: Queryable) {
  return {
    async insert(row: MediaUploadRow, now: Date): Promise<void> {
      await q.query(
        'INSERT INTO media_uploads (id, content_type, bytes, width, height, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [row.id, row.content_type, row.bytes, row.width, row.height, now],
      );
    },

    async get(id: string): Promise<MediaUploadRow | undefined> {
      const { rows } = await q.query<MediaUploadRow>(
        'SELECT id, content_type, bytes, width, height FROM media_uploads WHERE id = $1',
        [id],
      );
      const row = rows[0];
      // PGlite answers bytea as a Uint8Array; pg as a Buffer.
      return row && { ...row, bytes: Buffer.from(row.bytes) };
    },

    /** Deletes an upload no product image shows any longer. */
    async deleteIfUnused(id: string, url: string): Promise<void> {
      await q.query(
        'DELETE FROM media_uploads WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM product_images WHERE url = $2)',
        [id, url],
      );
    },
  };
}
