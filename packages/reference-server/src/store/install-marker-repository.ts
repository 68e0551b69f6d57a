import type { Queryable } from './db.js';

/** Things an install has done once (`demo_seeded`), so later starts never do them again. */
export type InstallMarker = 'demo_seeded';

export function createInstallMarkerRepository(db: Queryable) {
  return {
    async has(name: InstallMarker): Promise<boolean> {
      const { rows } = await db.query('SELECT 1 FROM install_markers WHERE name = $1', [name]);
      return rows.length > 0;
    },

    /**
     * Records the marker; answers whether this call did (false: it was there already). Inside a
     * transaction a concurrent claim waits for this one to commit, then finds it claimed.
     */
    async claim(name: InstallMarker, at: Date): Promise<boolean> {
      const { rows } = await db.query(
        'INSERT INTO install_markers (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING name',
        [name, at],
      );
      return rows.length > 0;
    },
  };
}

export type InstallMarkerRepository = ReturnType<typeof createInstallMarkerRepository>;
