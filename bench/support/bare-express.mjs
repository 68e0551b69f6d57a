// Child process for benchmarks: a bare Express endpoint that serves a fixed body — the baseline
// every server figure is divided by, measured in the same run on the same machine. With a second
// argument (`br`, `gzip`) the file holds that coding of the JSON, sent with its Content-Encoding:
// the same bytes our server sends from its cache, with no compression work here either.
//   node bench/support/bare-express.mjs <body file> [content-coding]
import express from 'express';
import { readFileSync } from 'node:fs';

const body = readFileSync(process.argv[2]);
const coding = process.argv[3];
const app = express();
app.get('/v1/products', (_req, res) => {
  res.set('Content-Type', 'application/json; charset=utf-8');
  if (coding) res.set('Content-Encoding', coding).vary('Accept-Encoding');
  res.send(body);
});
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
