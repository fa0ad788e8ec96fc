// Sends a fuzzed request as it is (raw target, raw body bytes) over one keep-alive connection, with node:http:
// fetch would normalise `..` and re-encode the path, which is exactly what the fuzzer must not have done for it.
import http from 'node:http';
import type { FuzzRequest } from './request-arbitrary';

export interface FuzzResponse {
  status: number;
  /** The first 2 KB of the body, as text. */
  body: string;
  headers: http.IncomingHttpHeaders;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export function closeAgent(): void {
  agent.destroy();
}

export function send(
  base: URL,
  req: FuzzRequest,
  token: string | undefined,
  timeoutMs = 60_000,
): Promise<FuzzResponse> {
  const headers: Record<string, string | number> = { ...req.headers };
  if (req.authorization !== null) headers.Authorization = req.authorization;
  else if (token) headers.Authorization = `Bearer ${token}`;
  if (req.body) headers['Content-Length'] = req.body.length;
  return new Promise((resolve, reject) => {
    const r = http.request(
      { host: base.hostname, port: base.port, method: req.method, path: req.path, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < 2048) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).subarray(0, 2048).toString('utf8'),
            headers: res.headers,
          }),
        );
        res.on('error', reject);
      },
    );
    r.setTimeout(timeoutMs, () => r.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    r.on('error', reject);
    r.end(req.body ?? undefined);
  });
}
