// Child process for benchmarks: a bare Express endpoint that serves a fixed JSON body — the
// baseline every server figure is divided by, measured in the same run on the same machine.
import express from 'express';
import { readFileSync } from 'node:fs';

const body = readFileSync(process.argv[2], 'utf8');
const app = express();
app.get('/v1/products', (_req, res) => {
  res.set('Content-Type', 'application/json; charset=utf-8').send(body);
});
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
