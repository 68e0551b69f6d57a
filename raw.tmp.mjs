import http from 'node:http';
import { readFileSync } from 'node:fs';
const body = readFileSync(process.argv[2]);
const s = http.createServer((req, res) => { res.writeHead(200, ['Content-Type', 'application/json; charset=utf-8', 'Content-Encoding', 'br', 'Vary', 'Accept-Encoding', 'Content-Length', String(body.length), 'ETag', '"abc"']); res.end(body); }).listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ url: `http://127.0.0.1:${s.address().port}` }) + '\n'));
