/**
 * A real HTTP(S) server on loopback that plays every carrier API (and the demo shop) from saved,
 * real-shaped responses. Integration tests talk to it over plain HTTP with an explicit base URL; the
 * E2E suite and the demo map the real host names to it with Chromium's `--host-resolver-rules` and
 * serve HTTPS with a self-signed certificate. Routing: by Host header first, then by path.
 *
 * Faults are chosen per request, by a test (`server.addFault(...)`) or over HTTP:
 *   POST /__control/fault   {"provider":"ups","mode":"rate_limited","times":1,"retryAfterSeconds":30}
 *   POST /__control/clock   {"advanceMs": 60000}
 *   GET  /__control/requests
 *   POST /__control/reset   (faults, request log and clock)
 */
import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { PROVIDERS } from './providers/index';
import type { Fault, IncomingRequest, ProviderRoutes, Reply, ServerState } from './types';

export interface LoggedRequest {
  at: number;
  method: string;
  host: string;
  path: string;
  provider: string | null;
  /** Authorization header present (never its value). */
  authorized: boolean;
  fault: string | null;
  status: number;
  /**
   * Issue #17 point 5: the owners (hosts) of the `secrets` this request carried, anywhere: headers
   * (Basic credentials decoded), path, query or body. A credential only ever goes to its own host.
   */
  credentialsOf: string[];
}

export interface CarrierServerOptions {
  port?: number;
  /** PEM key and certificate: serve HTTPS. */
  tls?: { key: string; cert: string };
  /** Extra route sets (a shop, test-specific pages), tried before the carrier providers. */
  extraRoutes?: ProviderRoutes[];
  /** Replace the provider list entirely. */
  providers?: ProviderRoutes[];
  /** Start the simulated clock here (default: real now). */
  startAt?: number;
  quiet?: boolean;
  /** Secret values the test configured, each with the one host it belongs to (see `credentialsOf`). */
  secrets?: Record<string, string>;
}

export interface CarrierServer {
  port: number;
  url: string;
  requests: LoggedRequest[];
  state: ServerState;
  addFault(fault: Partial<Fault> & Pick<Fault, 'mode'>): void;
  /** Removes every armed fault (requests and the clock are kept). */
  clearFaults(): void;
  advance(ms: number): void;
  reset(): void;
  close(): Promise<void>;
}

const HTML_ERROR_PAGE =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>' +
  '<p>The proxy server received an invalid response from an upstream server.</p></body></html>';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function credentialsIn(req: IncomingRequest, secrets: Record<string, string>): string[] {
  const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
  const text = [JSON.stringify(req.headers), basic ? Buffer.from(basic[1]!, 'base64').toString('utf8') : '', req.path, req.query.toString(), req.body].join('\n');
  const plain = (() => {
    try {
      return decodeURIComponent(text.replace(/\+/g, ' '));
    } catch {
      return text;
    }
  })();
  return [...new Set(Object.entries(secrets).filter(([value]) => text.includes(value) || plain.includes(value)).map(([, host]) => host))];
}

export async function startCarrierServer(options: CarrierServerOptions = {}): Promise<CarrierServer> {
  const routes = [...(options.extraRoutes ?? []), ...(options.providers ?? PROVIDERS)];
  const requests: LoggedRequest[] = [];
  const secrets: Record<string, string> = { ...options.secrets };
  let faults: Fault[] = [];
  let offset = 0;
  const realStart = Date.now();
  const simStart = options.startAt ?? realStart;
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();

  const state: ServerState = {
    now: () => simStart + (Date.now() - realStart) + offset,
    startedAt: simStart,
    takeFault(provider, req) {
      const i = faults.findIndex(
        (f) =>
          (f.provider === '*' || f.provider === provider) &&
          (!f.number || req.path.includes(f.number) || req.body.includes(f.number) || req.query.toString().includes(f.number)),
      );
      if (i < 0) return null;
      const f = faults[i]!;
      f.times -= 1;
      if (f.times <= 0) faults.splice(i, 1);
      return f;
    },
  };

  function addFault(f: Partial<Fault> & Pick<Fault, 'mode'>) {
    faults.push({ provider: '*', times: 1, ...f });
  }

  async function control(req: IncomingRequest): Promise<Reply> {
    const body = req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {};
    switch (req.path) {
      case '/__control/fault':
        addFault(body as Partial<Fault> & Pick<Fault, 'mode'>);
        return { status: 200, body: { ok: true, faults: faults.length } };
      case '/__control/clock':
        offset += Number(body.advanceMs ?? 0);
        return { status: 200, body: { now: new Date(state.now()).toISOString() } };
      case '/__control/requests':
        return { status: 200, body: requests };
      case '/__control/reset':
        faults = [];
        requests.length = 0;
        offset = 0;
        return { status: 200, body: { ok: true } };
      default:
        return { status: 404, body: { error: 'unknown control' } };
    }
  }

  function genericFault(route: ProviderRoutes, fault: Fault, req: IncomingRequest): Reply | 'hang' | null {
    const custom = route.faultBody?.(fault.mode, req);
    switch (fault.mode) {
      case 'auth':
        return { status: 401, body: custom ?? { error: 'invalid_client', error_description: 'Invalid credentials' } };
      case 'rate_limited':
        return {
          status: 429,
          headers: { 'retry-after': String(fault.retryAfterSeconds ?? 30) },
          body: custom ?? { error: 'rate_limited', message: 'Too Many Requests' },
        };
      case 'server':
        return { status: 500, body: custom ?? { error: 'internal', message: 'Internal Server Error' } };
      case 'timeout':
        return 'hang';
      case 'malformed':
        return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"trackResponse": {"shipment": [' };
      case 'html':
        return { status: 200, headers: { 'content-type': 'text/html' }, body: HTML_ERROR_PAGE };
      case 'forbidden':
        return { status: 403, body: custom ?? { error: 'forbidden', message: 'Forbidden' } };
      case 'http_not_found':
        return { status: 404, headers: { 'content-type': 'text/html' }, body: custom ?? '<html><body><h1>404 Not Found</h1></body></html>' };
      case 'unavailable':
        return { status: 503, headers: { 'retry-after': String(fault.retryAfterSeconds ?? 60), 'content-type': 'text/html' }, body: custom ?? '<html><body><h1>503 Service Unavailable</h1></body></html>' };
      case 'warnings':
        return custom === undefined ? null : { status: 200, headers: { 'content-type': 'application/json' }, body: custom };
      case 'robot_check':
      case 'sign_in':
        return typeof custom === 'string' ? { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: custom } : null;
      default:
        return null; // slow and not_found are handled with the provider's own answer
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://local');
    const incoming: IncomingRequest = {
      method: req.method ?? 'GET',
      // Node's fetch sets Host itself; in-process tests name the host they mean in x-test-host.
      host: String(req.headers['x-test-host'] ?? req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      body: await readBody(req),
    };
    const log: LoggedRequest = {
      at: state.now(),
      method: incoming.method,
      host: incoming.host,
      path: incoming.path,
      provider: null,
      authorized: Boolean(incoming.headers.authorization || incoming.headers['dhl-api-key'] || incoming.headers['17token']),
      fault: null,
      status: 0,
      credentialsOf: credentialsIn(incoming, secrets),
    };
    let reply: Reply | 'hang' | null = null;
    try {
      if (incoming.path.startsWith('/__control/')) {
        reply = await control(incoming);
      } else {
        // Host match first, so two providers may share a path; then any provider that answers.
        const ordered = [
          ...routes.filter((r) => r.hosts.includes(incoming.host)),
          ...routes.filter((r) => !r.hosts.includes(incoming.host)),
        ];
        for (const route of ordered) {
          const owns = route.owns ? route.owns(incoming) : true;
          if (!owns) continue;
          const fault = state.takeFault(route.id, incoming);
          if (fault) {
            log.fault = fault.mode;
            const f = genericFault(route, fault, incoming);
            if (f) {
              log.provider = route.id;
              reply = f;
              break;
            }
            if (fault.mode === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs ?? 3000));
            if (fault.mode === 'not_found') incoming.headers['x-fault'] = 'not_found';
          }
          const r = await route.handle(incoming, state);
          if (r) {
            log.provider = route.id;
            reply = r;
            break;
          }
        }
      }
    } catch (err) {
      reply = { status: 500, body: { error: 'server_bug', message: String(err) } };
    }
    requests.push(log);
    // A token a provider issues is that provider's credential from now on.
    const issued = reply && reply !== 'hang' && typeof reply.body === 'object' ? (reply.body as { access_token?: unknown }).access_token : undefined;
    if (typeof issued === 'string' && options.secrets) secrets[issued] = incoming.host;
    if (reply === 'hang') {
      log.status = -1;
      hanging.add(res);
      setTimeout(() => {
        hanging.delete(res);
        res.destroy();
      }, 60_000).unref();
      return;
    }
    const r: Reply = reply ?? { status: 404, body: { error: 'not_found', message: `No route for ${incoming.host}${incoming.path}` } };
    if (r.delayMs) await new Promise((resolve) => setTimeout(resolve, r.delayMs));
    log.status = r.status;
    const isText = typeof r.body === 'string';
    res.writeHead(r.status, {
      'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json',
      'cache-control': 'no-store',
      ...r.headers,
    });
    res.end(r.body === undefined ? '' : isText ? (r.body as string) : JSON.stringify(r.body));
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err) => {
      if (!options.quiet) console.error('carrier-server:', err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
  const server = options.tls ? createHttps({ key: options.tls.key, cert: options.tls.cert }, onRequest) : createHttp(onRequest);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    state,
    addFault,
    clearFaults() {
      faults = [];
    },
    advance(ms) {
      offset += ms;
    },
    reset() {
      faults = [];
      requests.length = 0;
      offset = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
