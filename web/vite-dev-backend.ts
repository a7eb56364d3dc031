/**
 * Development-only helpers for `vite` (dev server and `vite preview`), never part of the bundle.
 *
 * - Proxies /graphql, /api, /signin, /signout, /graphiql (and /oauth2) to CASELINK_DEV_BACKEND
 *   (default http://127.0.0.1:8091), and drops `WWW-Authenticate` from the answers so that the
 *   browser never opens its own Basic sign-in dialog over the app.
 * - CASELINK_DEV_USER=casemanager: every proxied request carries HTTP Basic for
 *   `casemanager:casemanager-demo`, and GET /api/session is answered here with that user's JSON
 *   (for a backend that knows only HTTP Basic).
 * - CASELINK_DEV_SESSIONS=1: emulates the session contract (GET /api/session, POST /signin,
 *   POST /signout, the XSRF-TOKEN cookie and the X-XSRF-TOKEN check, an idle timeout of
 *   CASELINK_DEV_IDLE seconds) over a Basic-only backend, so that the sign-in screen and the
 *   browser tests run before the service has the session endpoints.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Plugin, ProxyOptions } from 'vite';

interface DemoAccount {
  roles: string[];
  agency: string | null;
}

const DEMO: Record<string, DemoAccount> = {
  analyst: { roles: ['ANALYST'], agency: null },
  casemanager: { roles: ['CASE_MANAGER'], agency: null },
  'partner-a': { roles: ['LE_PARTNER'], agency: 'AGENCY-A' },
  'partner-b': { roles: ['LE_PARTNER'], agency: 'AGENCY-B' },
  auditor: { roles: ['AUDITOR'], agency: null },
  admin: { roles: ['ADMIN'], agency: null },
};

interface DevSession {
  user: string;
  lastSeen: number;
}

const env = process.env;
const backend = env.CASELINK_DEV_BACKEND || 'http://127.0.0.1:8091';
const fixedUser = env.CASELINK_DEV_USER || '';
const emulate = env.CASELINK_DEV_SESSIONS === '1' || env.CASELINK_DEV_SESSIONS === 'true';
const idleSeconds = Number(env.CASELINK_DEV_IDLE || 900);
const sessions = new Map<string, DevSession>();

function basic(user: string): string {
  return 'Basic ' + Buffer.from(`${user}:${user}-demo`).toString('base64');
}

function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie || '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

function sessionOf(req: IncomingMessage): DevSession | null {
  const sid = cookies(req).CASELINK_DEV_SID;
  if (!sid) return null;
  const s = sessions.get(sid);
  if (!s) return null;
  if (Date.now() - s.lastSeen > idleSeconds * 1000) {
    sessions.delete(sid);
    return null;
  }
  s.lastSeen = Date.now();
  return s;
}

function sessionJson(user: string) {
  const a = DEMO[user] ?? { roles: [], agency: null };
  return { user, roles: a.roles, agency: a.agency, mode: 'demo', idleTimeoutSeconds: idleSeconds };
}

function send(res: ServerResponse, status: number, body?: unknown, extraCookies: string[] = []) {
  const set = [...extraCookies];
  res.statusCode = status;
  if (set.length) res.setHeader('Set-Cookie', set);
  if (body === undefined) {
    res.end();
    return;
  }
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(body));
}

function xsrfCookie(req: IncomingMessage): string[] {
  if (cookies(req)['XSRF-TOKEN']) return [];
  return [`XSRF-TOKEN=${randomBytes(16).toString('hex')}; Path=/; SameSite=Lax`];
}

function xsrfOk(req: IncomingMessage): boolean {
  const c = cookies(req)['XSRF-TOKEN'];
  return !!c && req.headers['x-xsrf-token'] === c;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function checkPassword(user: string, password: string): Promise<boolean> {
  const r = await fetch(backend + '/graphql', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64'),
    },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  return r.status === 200;
}

export function devBackend(): Plugin {
  const middleware = async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const url = (req.url || '').split('?')[0];
    try {
      if (fixedUser && url === '/api/session' && req.method === 'GET') {
        return send(res, 200, sessionJson(fixedUser), xsrfCookie(req));
      }
      if (fixedUser && (url === '/signin' || url === '/signout')) {
        return send(res, url === '/signin' ? 200 : 204, url === '/signin' ? sessionJson(fixedUser) : undefined);
      }
      if (!emulate || fixedUser) return next();
      if (url === '/api/session' && req.method === 'GET') {
        const s = sessionOf(req);
        return s
          ? send(res, 200, sessionJson(s.user), xsrfCookie(req))
          : send(res, 401, { error: 'not signed in', mode: 'demo' }, xsrfCookie(req));
      }
      if (url === '/signin' && req.method === 'POST') {
        if (!xsrfOk(req)) return send(res, 403, { error: 'missing or wrong XSRF token' });
        const form = new URLSearchParams(await readBody(req));
        const user = form.get('username') || '';
        const password = form.get('password') || '';
        if (!DEMO[user] || !(await checkPassword(user, password))) {
          return send(res, 401, { error: 'Wrong user name or password.' });
        }
        const sid = randomBytes(18).toString('hex');
        sessions.set(sid, { user, lastSeen: Date.now() });
        return send(res, 200, sessionJson(user), [
          `CASELINK_DEV_SID=${sid}; Path=/; HttpOnly; SameSite=Lax`,
          `XSRF-TOKEN=${randomBytes(16).toString('hex')}; Path=/; SameSite=Lax`,
        ]);
      }
      if (url === '/signout' && req.method === 'POST') {
        if (!xsrfOk(req)) return send(res, 403, { error: 'missing or wrong XSRF token' });
        const sid = cookies(req).CASELINK_DEV_SID;
        if (sid) sessions.delete(sid);
        return send(res, 204, undefined, ['CASELINK_DEV_SID=; Path=/; Max-Age=0']);
      }
      if (url === '/graphql') {
        const s = sessionOf(req);
        if (!s) return send(res, 401, { error: 'session ended', mode: 'demo' });
        if (req.method === 'POST' && !xsrfOk(req)) return send(res, 403, { error: 'missing or wrong XSRF token' });
        req.headers.authorization = basic(s.user);
      }
      return next();
    } catch (e) {
      return send(res, 502, { error: 'dev backend: ' + String(e) });
    }
  };
  return {
    name: 'caselink-dev-backend',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}

export function devProxy(): Record<string, ProxyOptions> {
  const options: ProxyOptions = {
    target: backend,
    changeOrigin: true,
    configure(proxy) {
      proxy.on('proxyReq', (proxyReq, req) => {
        if (fixedUser) proxyReq.setHeader('Authorization', basic(fixedUser));
        else if (req.headers.authorization) proxyReq.setHeader('Authorization', req.headers.authorization);
      });
      proxy.on('proxyRes', (proxyRes) => {
        delete proxyRes.headers['www-authenticate'];
      });
    },
  };
  const out: Record<string, ProxyOptions> = {};
  for (const p of ['/graphql', '/api', '/signin', '/signout', '/graphiql', '/oauth2']) out[p] = { ...options };
  return out;
}
