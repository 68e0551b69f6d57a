// `npm run bench:check`: compares bench/results/latest.json with the budgets in package.json
// ("shoptag.budgets"): each budget names a figure by its exact id; sizes are maxima in bytes
// (gzip), ratios are minima. Exits 1 past a budget or when a budgeted figure was not measured.
import { readFileSync, existsSync } from 'node:fs';
import { checkBudgets, formatResult } from './support/budgets.mjs';

const budgets = JSON.parse(readFileSync('package.json', 'utf8')).shoptag?.budgets ?? {};
if (!existsSync('bench/results/latest.json')) {
  console.error('no bench/results/latest.json: run npm run bench first');
  process.exit(2);
}
const report = JSON.parse(readFileSync('bench/results/latest.json', 'utf8'));
const { results, failed } = checkBudgets(budgets, report);
for (const result of results) console.log(formatResult(result));
if (results.length === 0) console.log('no budgets in package.json (shoptag.budgets)');
console.log(`${results.length - failed} within budget, ${failed} failed`);
process.exit(failed || results.length === 0 ? 1 : 0);
