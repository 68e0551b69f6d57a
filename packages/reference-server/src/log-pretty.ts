// LOG_FORMAT=pretty: one readable line per JSON log line. Built in rather than pino-pretty, which
// would add a dozen packages to every production install for a convenience: our lines have one
// flat shape (level, time, msg, a few fields, maybe an error), so forty lines do.

/** Fields every line has, shown in the prefix or not at all. */
const FRAME = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'err', 'detail']);

function fieldText(value: unknown): string {
  return typeof value === 'string' && !/[\s"=]/.test(value) && value !== '' ? value : JSON.stringify(value);
}

/**
 * `{"level":"info","time":"2026-12-07T10:00:00.000Z","msg":"GET /v1/products 200","request_id":"req_1"}`
 * → `10:00:00.000 INFO  GET /v1/products 200 request_id=req_1`; an error's stack follows on its own
 * lines. A line that is not JSON is passed through.
 */
export function formatPrettyLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 23) : '';
  const level = String(entry.level ?? '')
    .toUpperCase()
    .padEnd(5);
  const fields = Object.entries(entry)
    .filter(([k]) => !FRAME.has(k))
    .map(([k, v]) => `${k}=${fieldText(v)}`);
  const head = [time, level, String(entry.msg ?? ''), ...fields].filter(Boolean).join(' ');
  const err = entry.err as { stack?: string; message?: string } | undefined;
  const detail = err?.stack ?? err?.message ?? (entry.detail === undefined ? undefined : fieldText(entry.detail));
  return detail ? `${head}\n  ${detail.replaceAll('\n', '\n  ')}` : head;
}
