// Budgets (package.json "shoptag.budgets") against a bench report (bench/results/latest.json).
// Each budget names one measured figure by its exact `id`; a budget whose figure is missing from
// the report fails, as does a budget of an unknown kind, so a renamed or skipped measurement can
// never pass unnoticed.

/** Budget kinds: which field of the figure each one reads, and whether the budget is a ceiling or a floor. */
export const BUDGET_KINDS = {
  gzipBytes: { field: 'gzip', limit: 'max', show: (v) => `${v} B gzip` },
  minRatio: { field: 'ratio', limit: 'min', show: (v) => `${(v * 100).toFixed(1)} % of bare Express` },
  maxSeconds: { field: 'seconds', limit: 'max', show: (v) => `${v} s` },
};

/**
 * Every object of the report that carries a string `id`, by id (found at any depth, so a figure
 * nested in a row, like a cart row's `addToCart`, is indexed too). Two figures with one id throw.
 */
export function indexFigures(report) {
  const figures = new Map();
  const visit = (value) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    if (typeof value.id === 'string') {
      if (figures.has(value.id)) throw new Error(`two figures in the report have the id "${value.id}"`);
      figures.set(value.id, value);
    }
    Object.values(value).forEach(visit);
  };
  visit(report);
  return figures;
}

/**
 * Checks every budget. Each result is `{ id, kind, status, message }` with status `ok`, `over`
 * (past the budget), `missing` (no figure with that id, or the figure lacks the budgeted field)
 * or `unknown-kind`; `failed` counts everything but `ok`.
 */
export function checkBudgets(budgets, report) {
  const figures = indexFigures(report);
  const results = [];
  for (const [kind, entries] of Object.entries(budgets ?? {})) {
    const spec = BUDGET_KINDS[kind];
    for (const [id, limit] of Object.entries(entries ?? {})) {
      if (!spec) {
        results.push({
          id,
          kind,
          status: 'unknown-kind',
          message: `unknown budget kind "${kind}" (known: ${Object.keys(BUDGET_KINDS).join(', ')})`,
        });
        continue;
      }
      const value = figures.get(id)?.[spec.field];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        const message = figures.has(id)
          ? `the figure has no numeric "${spec.field}"`
          : 'not measured: no figure with this id in the report';
        results.push({ id, kind, status: 'missing', message });
        continue;
      }
      const past = spec.limit === 'max' ? value > limit : value < limit;
      const bound = spec.limit === 'max' ? `≤ ${spec.show(limit)}` : `≥ ${spec.show(limit)}`;
      results.push({
        id,
        kind,
        status: past ? 'over' : 'ok',
        value,
        limit,
        message: `${spec.show(value)} (budget ${bound})`,
      });
    }
  }
  return { results, failed: results.filter((r) => r.status !== 'ok').length };
}

const MARK = { ok: '✓', over: '✗', missing: '?', 'unknown-kind': '!' };

/** One line per budget, for people. */
export function formatResult(result) {
  return `${MARK[result.status] ?? '✗'} ${result.id}: ${result.message}`;
}
