import { createServer } from 'node:http';

/**
 * The yardstick: a bare node:http server that reads the body and answers, nothing else.
 * Our server's throughput is reported as a ratio to this one, measured in the same run.
 */
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"Status":"ok"}');
    } else {
      res.writeHead(204);
      res.end();
    }
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`listening on http://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
