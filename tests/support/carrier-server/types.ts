/** The local carrier server's plug-in interface: one provider (or shop) per file in ./providers. */

export interface IncomingRequest {
  method: string;
  /** Host header without port, lower case (`onlinetools.ups.com`, `127.0.0.1`). */
  host: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Wait this long before answering ("slow"). */
  delayMs?: number;
}

export type FaultMode =
  | 'auth' // 401
  | 'not_found' // provider-specific "unknown number" answer (providers implement it)
  | 'rate_limited' // 429 with Retry-After
  | 'server' // 500
  | 'timeout' // never answers (the socket is closed after a minute)
  | 'slow' // answers normally after `delayMs`
  | 'malformed' // 200 with a truncated JSON body
  | 'html' // 200 with an HTML error page instead of JSON
  | 'forbidden' // 403
  | 'http_not_found' // 404 for the whole call (not a per-number answer)
  | 'unavailable' // 503 with Retry-After
  | 'warnings' // 200 holding only warnings, no results (providers give the body)
  | 'robot_check' // a shop's robot-check page instead of the page asked for (shops give the body)
  | 'sign_in'; // a shop's sign-in page instead of the page asked for (shops give the body)

export interface Fault {
  /** Provider id it applies to (`ups`…); `*` for any. */
  provider: string;
  mode: FaultMode;
  /** How many matching requests it applies to (default 1; Infinity for all). */
  times: number;
  /** Only requests whose path or body mention this tracking number. */
  number?: string;
  retryAfterSeconds?: number;
  delayMs?: number;
}

export interface ServerState {
  /** The simulated clock: real time plus an offset tests and the demo can move forward. */
  now(): number;
  startedAt: number;
  /** Takes the fault that applies to this request, if any (consumes one use). */
  takeFault(provider: string, req: IncomingRequest): Fault | null;
}

export interface ProviderRoutes {
  id: string;
  /** Hosts this provider answers for (used when two providers share a path). */
  hosts: string[];
  /** Provider-specific: answer for `req`, or null when the request is not this provider's. */
  handle(req: IncomingRequest, state: ServerState): Reply | null | Promise<Reply | null>;
  /** Optional: does this request belong to the provider (for faults)? Defaults to `handle`'s path match. */
  owns?(req: IncomingRequest): boolean;
  /** Optional provider-specific bodies for generic faults (e.g. UPS's error shape for 401). */
  faultBody?(mode: FaultMode, req: IncomingRequest): unknown;
}
