import { request, type Agent } from 'node:http';
import type { TestTill } from './test-till.js';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

/** One HTTP request from a chosen source address (fetch cannot choose it). */
export function callFrom(
  from: string,
  till: Pick<TestTill, 'baseUrl'>,
  method: string,
  route: string,
  options: { body?: string; headers?: Record<string, string>; agent?: Agent } = {},
): Promise<Answer> {
  const url = new URL(till.baseUrl + route);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method, localAddress: from, headers: options.headers, agent: options.agent ?? false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let body: Record<string, unknown> = {};
          try {
            body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
          } catch {
            body = { raw: text };
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

