// `npm run bench:check`: compares bench/results/latest.json with the budgets in package.json
// ("shoptag.budgets"): sizes are maxima in bytes (gzip), ratios are minima. Exits 1 past a budget.
import { readFileSync, existsSync } from 'node:fs';

const budgets = JSON.parse(readFileSync('package.json', 'utf8')).shoptag?.budgets ?? {};
if (!existsSync('bench/results/latest.json')) {
  console.error('no bench/results/latest.json: run npm run bench first');
  process.exit(2);
}
const results = JSON.parse(readFileSync('bench/results/latest.json', 'utf8'));
let failed = 0;
let checked = 0;
for (const [name, max] of Object.entries(budgets.gzipBytes ?? {})) {
  const row = results.sizes?.find((s) => s.name.startsWith(name));
  if (!row) { console.log(`? ${name}: not measured`); continue; }
  checked++;
  const over = row.gzip > max;
  failed += over;
  console.log(`${over ? '✗' : '✓'} ${name}: ${row.gzip} B gzip (budget ${max} B)`);
}
for (const [name, min] of Object.entries(budgets.minRatio ?? {})) {
  const row = [...(results.catalog ?? [])].find((r) => r.name.startsWith(name));
  if (!row) { console.log(`? ${name}: not measured`); continue; }
  checked++;
  const under = row.ratio < min;
  failed += under;
  console.log(`${under ? '✗' : '✓'} ${name}: ${(row.ratio * 100).toFixed(1)} % of bare Express (budget ≥ ${(min * 100).toFixed(0)} %)`);
}
console.log(`${checked - failed} within budget, ${failed} over`);
process.exit(failed ? 1 : 0);
