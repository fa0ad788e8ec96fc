// The HTTP server's timeouts, set deliberately rather than left to Node's defaults: a client that trickles its
// headers (slowloris) or never finishes its body gets 408 and its connection closed, so a few hundred of them hold
// no more than their sockets; an idle kept-alive connection stays open a little longer than a proxy in front keeps
// its own (Caddy's is set to 60 s in deploy/Caddyfile), so the proxy never reuses one the API is closing.
import type { Server } from 'node:http';
import type { AppConfig } from '../../config/config';

type Timeouts = Pick<AppConfig, 'HTTP_HEADERS_TIMEOUT_MS' | 'HTTP_REQUEST_TIMEOUT_MS' | 'HTTP_KEEP_ALIVE_TIMEOUT_MS'>;

/**
 * How often Node looks for connections past their headers or request timeout (its default, 30 s, would let a
 * 2-second timeout run for 32). A quarter of the headers timeout, between 250 ms and 5 s.
 */
function connectionsCheckingInterval(headersTimeoutMs: number): number {
  return Math.max(250, Math.min(5_000, Math.floor(headersTimeoutMs / 4)));
}

/** Applies the timeouts; must run before `listen` (Node starts its checking timer when the server listens). */
export function applyHttpServerTimeouts(server: Server, config: Timeouts): void {
  server.headersTimeout = config.HTTP_HEADERS_TIMEOUT_MS;
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  // Settable after createServer, read when listening starts (lib/_http_server.js, setupConnectionsTracking).
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    connectionsCheckingInterval(config.HTTP_HEADERS_TIMEOUT_MS);
}
