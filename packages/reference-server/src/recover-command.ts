import type { UnresolvedPayment } from '@shoptag/sdk/contract';
import { minorToDecimalString } from '@shoptag/sdk/contract';
import { systemClock } from './clock.js';
import type { Config } from './config.js';
import { createLogger } from './logger.js';
import { openRuntime } from './runtime.js';
import { wireSettings } from './settings-wiring.js';
import { wireCheckout } from './checkout-wiring.js';
import type { RecoveryReport } from './services/checkout/index.js';

export interface RecoverResult {
  report: RecoveryReport;
  unresolved: UnresolvedPayment[];
}

/** What `recover` did, then one line per placement still unresolved. */
export function formatRecoverResult({ report, unresolved }: RecoverResult): string {
  const lines = [
    `Recovery pass: ${report.placed} orders placed and paid, ${report.paid} pending orders paid, ${report.cancelled} cancelled (stock returned, payment voided or refunded), ${report.cleared} checkouts with nothing authorized, ${report.left} left`,
  ];
  if (unresolved.length === 0) lines.push('Nothing is unresolved.');
  else
    lines.push(
      `${unresolved.length} unresolved (see GET /v1/admin/payments/unresolved; POST /v1/admin/orders/:id/resolve {"action":"capture"|"cancel"}):`,
    );
  for (const u of unresolved) {
    const what = u.order_id ? `order ${u.order_number} (${u.order_id})` : `checkout ${u.checkout_session_id}`;
    const amount = u.amount ? ` ${minorToDecimalString(u.amount.amount, u.amount.currency)} ${u.amount.currency}` : '';
    const last = u.last_recovery ? `; last: ${u.last_recovery.action} (${u.last_recovery.detail})` : '';
    lines.push(
      `  ${what}${amount}: payment ${u.payment_intent_id} ${u.payment_status ?? 'unknown (the provider did not answer)'}, ${u.age_seconds} s old${last}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `shoptag-server recover`: one pass of placement recovery against the configured database and
 * payment provider (what every server process runs every `SHOPTAG_RECOVERY_INTERVAL_SECONDS`),
 * then the list of what it could not finish. `olderThanMs` overrides the delay
 * (`SHOPTAG_RECOVERY_AFTER_SECONDS`) after which a placement counts as abandoned.
 */
export async function runRecover(config: Config, options: { olderThanMs?: number } = {}): Promise<RecoverResult> {
  const clock = systemClock;
  const runtime = await openRuntime({ config, clock });
  try {
    const logger = createLogger(config.logLevel, undefined, config.logFormat);
    const settings = wireSettings({ config, db: runtime.db, clock, logger, env: process.env });
    const { checkout } = wireCheckout(config, runtime, clock, logger, {}, settings);
    const report = await checkout.recovery.runOnce(options);
    const unresolved = await checkout.recovery.unresolved({
      olderThanMs: options.olderThanMs ?? config.recovery.afterMs,
    });
    return { report, unresolved };
  } finally {
    await runtime.close();
  }
}
