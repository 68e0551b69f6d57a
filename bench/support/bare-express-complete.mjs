// Child process for benchmarks: a bare Express endpoint that parses a JSON body and answers a
// fixed order document — the baseline for checkout completion.
import express from 'express';
import { readFileSync } from 'node:fs';

const body = readFileSync(process.argv[2], 'utf8');
const app = express();
app.post('/v1/checkout-sessions/:id/complete', express.json(), (_req, res) => {
  res.set('Content-Type', 'application/json; charset=utf-8').send(body);
});
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
