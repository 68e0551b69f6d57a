import type { Clock } from '../clock.js';
import type { Db } from '../store/db.js';
import { createInstallMarkerRepository } from '../store/install-marker-repository.js';
import { generateDemoCatalog } from './demo-catalog.js';
import { seedDemoCoupons } from './demo-coupons.js';
import { seedCatalogIn, type SeedResult } from './seed-service.js';

export interface DemoSeedOptions {
  clock: Clock;
  currency: string;
  minorPerMajor: number;
  /** Replace the catalogue with the demo's even when the demo was seeded before (`--reseed`). */
  reset?: boolean;
}

export interface DemoSeedResult {
  /** What happened to the catalogue; null when the demo had been seeded before (nothing done). */
  catalog: SeedResult | null;
  /** Demo coupons added by this call. */
  coupons: number;
}

/**
 * The demo's data, once per install: the demo catalogue into an empty catalogue and the demo
 * coupons, in one transaction that also records `demo_seeded`. Later starts find the marker and
 * add nothing, so a product or coupon the owner deleted stays deleted. `reset` replaces the
 * catalogue regardless (coupons are still added only the first time).
 */
export async function seedDemoOnce(db: Db, options: DemoSeedOptions): Promise<DemoSeedResult> {
  return db.transaction(async (tx) => {
    const firstTime = await createInstallMarkerRepository(tx).claim('demo_seeded', options.clock.now());
    if (!firstTime && !options.reset) return { catalog: null, coupons: 0 };
    const catalog = await seedCatalogIn(tx, () => generateDemoCatalog(), {
      reset: options.reset === true,
      clock: options.clock,
    });
    const coupons = firstTime ? await seedDemoCoupons(tx, options) : 0;
    return { catalog, coupons };
  });
}
