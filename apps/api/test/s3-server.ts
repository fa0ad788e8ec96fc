// A real S3-compatible server on loopback for the tests (s3rver: no Docker, files in a temporary folder), behind a
// small proxy that can be told to fail: answer 500 to everything, or refuse connections as an unreachable store does.
// Requests pass through unchanged (path-style, same Host), so the SDK's signatures stay valid.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export type S3Fault = 'none' | 'error500' | 'unreachable';

export interface TestS3 {
  /** The proxy's URL: what S3_ENDPOINT is set to. */
  endpoint: string;
  bucket: string;
  /** The settings an API needs to use this server (MEDIA_DRIVER=s3 and the S3_* variables). */
  env(prefix?: string): Record<string, string>;
  /**
   * From now on the proxy answers every request with `fault` (`none` passes requests through again); with `methods`,
   * only requests of those methods fail (e.g. reads fail while writes still work).
   */
  setFault(fault: S3Fault, methods?: string[]): void;
  /** Requests (and refused connections) that reached the proxy since the start: a test sees the SDK retry. */
  requests(): number;
  stop(): Promise<void>;
}

export const S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export async function startTestS3(bucket = 'firstline-media'): Promise<TestS3> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port: s3Port } = (await server.run()) as AddressInfo;

  let fault: S3Fault = 'none';
  let faultMethods: string[] | undefined;
  let count = 0;
  const proxy = http.createServer((req, res) => {
    count++;
    const failing = faultMethods ? faultMethods.includes(req.method ?? '') : true;
    if (failing && fault === 'unreachable') {
      req.socket.destroy();
      return;
    }
    if (failing && fault === 'error500') {
      req.resume();
      res.writeHead(500, { 'content-type': 'application/xml' });
      res.end(
        '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InternalError</Code><Message>injected by the test</Message></Error>',
      );
      return;
    }
    const upstream = http.request(
      { host: '127.0.0.1', port: s3Port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    // A client that goes away mid-request (a killed API process) must not leave s3rver waiting for the rest of a body.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });
  // An unreachable store refuses new connections; kept-alive ones are cut when the fault is set.
  const sockets = new Set<import('node:net').Socket>();
  proxy.on('connection', (socket) => {
    if (fault === 'unreachable' && !faultMethods) {
      count++;
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

  return {
    endpoint,
    bucket,
    env: (prefix = '') => ({
      MEDIA_DRIVER: 's3',
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_BUCKET: bucket,
      S3_PREFIX: prefix,
      S3_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    }),
    setFault(next, methods) {
      fault = next;
      faultMethods = methods;
      if (next === 'unreachable' && !methods) for (const socket of sockets) socket.destroy();
    },
    requests: () => count,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
