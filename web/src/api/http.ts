/**
 * The transport: session endpoints and POST /graphql, with the CSRF header, error mapping and
 * the session-ended (401) and rate-limit (429) signals. Every request of the app goes through
 * one `ApiClient`, so that sign-out can abort everything in flight.
 */

/** One entry of a GraphQL answer's `errors`. */
export interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: {
    classification?: string;
    field?: string;
    reason?: string;
    limit?: string;
    [key: string]: unknown;
  };
}

/** A typed GraphQL operation: the document and, as phantom types, its variables and result. */
export interface Operation<V, R> {
  readonly name: string;
  readonly document: string;
  /** Phantom fields: never set, they carry the types. */
  readonly __variables?: V;
  readonly __result?: R;
}

export function operation<V, R>(name: string, document: string): Operation<V, R> {
  return { name, document };
}

export type ErrorKind = 'graphql' | 'http' | 'network' | 'session' | 'rate' | 'signin';

/** Any failure the UI shows: `message` is written for people. */
export class ApiError extends Error {
  readonly kind: ErrorKind;
  readonly status: number | undefined;
  readonly errors: GraphQLErrorItem[];
  readonly retryAfterSeconds: number | undefined;

  constructor(
    kind: ErrorKind,
    message: string,
    opts: { status?: number; errors?: GraphQLErrorItem[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = opts.status;
    this.errors = opts.errors ?? [];
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  /** The classification of the first GraphQL error, when there is one. */
  get classification(): string | undefined {
    return this.errors[0]?.extensions?.classification;
  }
}

/** The signed-in user, as GET /api/session and POST /signin answer. */
export interface Session {
  user: string;
  roles: string[];
  agency: string | null;
  mode: string;
  idleTimeoutSeconds?: number;
}

/** What the sign-in screen needs to know when nobody is signed in. */
export interface SignedOut {
  mode: string;
  error?: string;
}

export interface GraphQLResult<R> {
  data: R;
  /** Errors that came with partial data (the UI shows them next to what did come). */
  errors: GraphQLErrorItem[];
}

export interface ClientOptions {
  fetch?: typeof fetch;
  /** Reads document.cookie (a function, so that tests can fake it and it is read every time). */
  cookies?: () => string;
  /** Called once per 401 from a signed-in request: the session ended. */
  onSessionEnded?: (message: string) => void;
  /** Called on 429, so that the shell can show it. */
  onRateLimited?: (message: string) => void;
  baseUrl?: string;
}

export const SESSION_ENDED_MESSAGE =
  'Your session has ended (signed out after a period of inactivity, or by the service). Please sign in again.';

/** The value of the XSRF-TOKEN cookie, or '' when there is none. */
export function readXsrfToken(cookieString: string): string {
  for (const part of cookieString.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    if (part.slice(0, i).trim() === 'XSRF-TOKEN') {
      const raw = part.slice(i + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return '';
}

const CLASSIFICATION_TEXT: Record<string, string> = {
  FORBIDDEN: 'Not permitted',
  UNAUTHORIZED: 'Not signed in',
  BAD_REQUEST: 'Refused',
  NOT_FOUND: 'Not found',
  INTERNAL_ERROR: 'The service failed',
  TOO_MANY_REQUESTS: 'Too many requests',
  ValidationError: 'Invalid request',
  InvalidSyntax: 'Invalid request',
};

/** One GraphQL error as a sentence for people: the service's message, with field and reason. */
export function describeGraphQLError(e: GraphQLErrorItem): string {
  const ext = e.extensions ?? {};
  const cls = ext.classification;
  let text = (e.message || '').trim();
  if (cls === 'INTERNAL_ERROR') {
    const ref = /for\s+([\w-]+)/.exec(text)?.[1];
    return `The service failed on this request${ref ? ` (reference ${ref})` : ''}. Try again; if it persists, report the reference.`;
  }
  if (ext.reason && ext.field && !text.includes(String(ext.reason))) {
    text = `${text ? text + ': ' : ''}${ext.field}: ${ext.reason}`;
  }
  if (!text) text = 'The request failed';
  const prefix = cls ? CLASSIFICATION_TEXT[cls] : undefined;
  if (prefix && !text.toLowerCase().startsWith(prefix.toLowerCase())) return `${prefix}: ${text}`;
  return text;
}

export function describeGraphQLErrors(errors: GraphQLErrorItem[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const e of errors) {
    const d = describeGraphQLError(e);
    if (!seen.has(d)) {
      seen.add(d);
      parts.push(d);
    }
  }
  return parts.join(' ');
}

function retryAfter(res: Response): number | undefined {
  const v = res.headers.get('Retry-After');
  if (!v) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

function rateLimitMessage(seconds: number | undefined): string {
  return `Too many requests: the service asks to wait${seconds !== undefined ? ` ${seconds} s` : ' a moment'} before trying again.`;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isAbort(e: unknown): boolean {
  return e instanceof DOMException
    ? e.name === 'AbortError'
    : typeof e === 'object' && e !== null && (e as { name?: string }).name === 'AbortError';
}

export function isAbortError(e: unknown): boolean {
  return isAbort(e);
}

export class ApiClient {
  private readonly fetchImpl: typeof fetch;
  private readonly cookies: () => string;
  private readonly baseUrl: string;
  private onSessionEnded: ((message: string) => void) | undefined;
  private onRateLimited: ((message: string) => void) | undefined;
  /** Aborted and replaced by `abortAll()`: every request listens to it. */
  private generation = new AbortController();
  /** True while a session is believed to be open: only then is a 401 a session that ended. */
  signedIn = false;
  /** When the last request was sent (the user's activity, as the service sees it). */
  lastActivity = Date.now();

  constructor(opts: ClientOptions = {}) {
    this.fetchImpl = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.cookies = opts.cookies ?? (() => (typeof document === 'undefined' ? '' : document.cookie));
    this.onSessionEnded = opts.onSessionEnded;
    this.onRateLimited = opts.onRateLimited;
    this.baseUrl = opts.baseUrl ?? '';
  }

  setHandlers(h: { onSessionEnded?: (m: string) => void; onRateLimited?: (m: string) => void }) {
    if (h.onSessionEnded) this.onSessionEnded = h.onSessionEnded;
    if (h.onRateLimited) this.onRateLimited = h.onRateLimited;
  }

  /** Aborts every request in flight (sign-out, session end). */
  abortAll(): void {
    this.generation.abort();
    this.generation = new AbortController();
  }

  private signal(own?: AbortSignal): AbortSignal {
    return own ? AbortSignal.any([own, this.generation.signal]) : this.generation.signal;
  }

  private headers(extra: Record<string, string>): Record<string, string> {
    const token = readXsrfToken(this.cookies());
    // X-Requested-With tells the service this is the app, not a browser navigation (a server
    // can answer such a 401 without a `WWW-Authenticate: Basic` challenge).
    const h: Record<string, string> = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...extra };
    if (token) h['X-XSRF-TOKEN'] = token;
    return h;
  }

  private async send(path: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
    this.lastActivity = Date.now();
    try {
      return await this.fetchImpl(this.baseUrl + path, {
        ...init,
        credentials: 'same-origin',
        signal: this.signal(signal),
      });
    } catch (e) {
      if (isAbort(e)) throw e;
      throw new ApiError('network', 'Cannot reach the caselink service. Check the connection and try again.');
    }
  }

  private sessionEnded(): ApiError {
    const wasSignedIn = this.signedIn;
    this.signedIn = false;
    if (wasSignedIn) this.onSessionEnded?.(SESSION_ENDED_MESSAGE);
    return new ApiError('session', SESSION_ENDED_MESSAGE, { status: 401 });
  }

  private rateLimited(res: Response, body: unknown): ApiError {
    const s = retryAfter(res);
    const msg = rateLimitMessage(s);
    this.onRateLimited?.(msg);
    const errors = (body as { errors?: GraphQLErrorItem[] } | null)?.errors ?? [];
    return new ApiError('rate', msg, { status: 429, errors, ...(s !== undefined ? { retryAfterSeconds: s } : {}) });
  }

  /** GET /api/session: the session, or why nobody is signed in (and the sign-in mode). */
  async session(signal?: AbortSignal): Promise<Session | SignedOut> {
    const res = await this.send('/api/session', { method: 'GET', headers: this.headers({}) }, signal);
    const body = (await readJson(res)) as Record<string, unknown> | null;
    if (res.status === 200 && body && typeof body.user === 'string') {
      this.signedIn = true;
      return body as unknown as Session;
    }
    if (res.status === 401) {
      this.signedIn = false;
      const out: SignedOut = { mode: typeof body?.mode === 'string' ? body.mode : 'demo' };
      return out;
    }
    if (res.status === 429) throw this.rateLimited(res, body);
    throw new ApiError('http', `The service answered HTTP ${res.status} to the session check.`, { status: res.status });
  }

  /** POST /signin with the form fields. Needs the XSRF-TOKEN cookie: GET /api/session first sets it. */
  async signIn(username: string, password: string, signal?: AbortSignal): Promise<Session> {
    if (!readXsrfToken(this.cookies())) {
      // The cookie comes with any answer of the service; ask for one when it is missing.
      await this.session(signal).catch(() => undefined);
    }
    const body = new URLSearchParams({ username, password }).toString();
    const res = await this.send(
      '/signin',
      { method: 'POST', headers: this.headers({ 'Content-Type': 'application/x-www-form-urlencoded' }), body },
      signal,
    );
    const json = (await readJson(res)) as Record<string, unknown> | null;
    if (res.status === 200 && json && typeof json.user === 'string') {
      this.signedIn = true;
      return json as unknown as Session;
    }
    if (res.status === 429) throw this.rateLimited(res, json);
    if (res.status === 401) {
      throw new ApiError('signin', typeof json?.error === 'string' && json.error ? String(json.error) : 'Wrong user name or password.', { status: 401 });
    }
    if (res.status === 403) {
      throw new ApiError('signin', 'The sign-in was refused (the security token was missing or stale). Reload the page and try again.', { status: 403 });
    }
    throw new ApiError('signin', `Sign-in failed: the service answered HTTP ${res.status}.`, { status: res.status });
  }

  /** POST /signout; the session is over on this side whatever the answer. */
  async signOut(): Promise<void> {
    this.signedIn = false;
    try {
      await this.fetchImpl(this.baseUrl + '/signout', {
        method: 'POST',
        headers: this.headers({}),
        credentials: 'same-origin',
      });
    } catch {
      // Signed out locally either way.
    }
  }

  /** Builds the body of a GraphQL request (exported for tests). */
  static body<V>(op: Operation<V, unknown>, variables: V): string {
    return JSON.stringify({ operationName: op.name, query: op.document, variables: variables ?? {} });
  }

  /**
   * Runs an operation. Throws ApiError when the answer has no data (errors only, HTTP errors,
   * 401, 429); returns the data with any errors that came beside it.
   */
  async request<V, R>(op: Operation<V, R>, variables: V, signal?: AbortSignal): Promise<GraphQLResult<R>> {
    const res = await this.send(
      '/graphql',
      {
        method: 'POST',
        headers: this.headers({ 'Content-Type': 'application/json' }),
        body: ApiClient.body(op, variables),
      },
      signal,
    );
    if (res.status === 401) throw this.sessionEnded();
    const json = (await readJson(res)) as { data?: R | null; errors?: GraphQLErrorItem[] } | null;
    if (res.status === 429) throw this.rateLimited(res, json);
    const errors = Array.isArray(json?.errors) ? json!.errors! : [];
    if (res.status === 403 && errors.length === 0) {
      throw new ApiError('http', 'The request was refused (HTTP 403: the security token may be stale). Reload the page.', { status: 403 });
    }
    if (res.status === 413) {
      throw new ApiError('http', 'The request is larger than the service accepts.', { status: 413, errors });
    }
    if (res.status === 503 || res.status === 504) {
      throw new ApiError('http', 'The service took too long to answer. Try again, or ask for less (fewer hops, a smaller limit).', { status: res.status, errors });
    }
    if (json?.data != null && (res.ok || errors.length > 0)) {
      return { data: json.data, errors };
    }
    if (errors.length > 0) {
      throw new ApiError('graphql', describeGraphQLErrors(errors), { status: res.status, errors });
    }
    throw new ApiError('http', `The service answered HTTP ${res.status} without a result.`, { status: res.status });
  }

  /** As `request`, for the many views that treat partial errors as a failure. */
  async data<V, R>(op: Operation<V, R>, variables: V, signal?: AbortSignal): Promise<R> {
    const r = await this.request(op, variables, signal);
    if (r.errors.length > 0) {
      throw new ApiError('graphql', describeGraphQLErrors(r.errors), { errors: r.errors });
    }
    return r.data;
  }
}
