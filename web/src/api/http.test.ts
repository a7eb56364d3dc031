import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, SESSION_ENDED_MESSAGE, describeGraphQLError, operation, readXsrfToken } from './http';

const OP = operation<{ n: number }, { value: number }>('Probe', 'query Probe($n: Int) { value(n: $n) }');

interface Call { url: string; init: RequestInit }

function fakeFetch(responses: (Response | (() => Response))[]) {
  const calls: Call[] = [];
  const fn = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    return typeof next === 'function' ? next() : next;
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('readXsrfToken', () => {
  it('finds and decodes the cookie among others', () => {
    expect(readXsrfToken('a=1; XSRF-TOKEN=ab%2Fc; b=2')).toBe('ab/c');
    expect(readXsrfToken('XSRF-TOKENX=1; a=2')).toBe('');
    expect(readXsrfToken('')).toBe('');
  });
});

describe('ApiClient.request', () => {
  it('posts the named operation as JSON with the CSRF header read at each request', async () => {
    let cookie = 'XSRF-TOKEN=first';
    const { fetch, calls } = fakeFetch([json(200, { data: { value: 1 } }), json(200, { data: { value: 2 } })]);
    const c = new ApiClient({ fetch, cookies: () => cookie });
    expect((await c.request(OP, { n: 1 })).data.value).toBe(1);
    cookie = 'XSRF-TOKEN=second';
    await c.request(OP, { n: 2 });
    const [a, b] = calls;
    expect(a!.url).toBe('/graphql');
    expect(a!.init.method).toBe('POST');
    expect(a!.init.credentials).toBe('same-origin');
    const h1 = a!.init.headers as Record<string, string>;
    expect(h1['Content-Type']).toBe('application/json');
    expect(h1['X-XSRF-TOKEN']).toBe('first');
    expect((b!.init.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('second');
    expect(JSON.parse(String(a!.init.body))).toEqual({ operationName: 'Probe', query: OP.document, variables: { n: 1 } });
  });

  it('turns errors without data into a readable ApiError with the classification', async () => {
    const { fetch } = fakeFetch([
      json(200, {
        data: null,
        errors: [{ message: 'Not permitted for your role: Query.search.', extensions: { classification: 'FORBIDDEN', field: 'Query.search' } }],
      }),
    ]);
    const c = new ApiClient({ fetch, cookies: () => '' });
    const e = await c.request(OP, { n: 1 }).catch((x) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e.kind).toBe('graphql');
    expect(e.classification).toBe('FORBIDDEN');
    expect(e.message).toBe('Not permitted for your role: Query.search.');
  });

  it('keeps partial data and hands its errors over', async () => {
    const { fetch } = fakeFetch([json(200, { data: { value: 3 }, errors: [{ message: 'x', path: ['other'] }] })]);
    const r = await new ApiClient({ fetch, cookies: () => '' }).request(OP, { n: 1 });
    expect(r.data.value).toBe(3);
    expect(r.errors).toHaveLength(1);
  });

  it('data() treats partial errors as failure', async () => {
    const { fetch } = fakeFetch([json(200, { data: { value: 3 }, errors: [{ message: 'boom', extensions: { classification: 'BAD_REQUEST', field: 'input.phones[0]', reason: 'is not a valid phone number' } }] })]);
    const e = await new ApiClient({ fetch, cookies: () => '' }).data(OP, { n: 1 }).catch((x) => x);
    expect(e.message).toBe('Refused: boom: input.phones[0]: is not a valid phone number');
  });

  it('401 ends the session once and says so', async () => {
    const onSessionEnded = vi.fn();
    const { fetch } = fakeFetch([json(401, { error: 'expired', mode: 'demo' }), json(401, {})]);
    const c = new ApiClient({ fetch, cookies: () => '', onSessionEnded });
    c.signedIn = true;
    const e = await c.request(OP, { n: 1 }).catch((x) => x);
    expect(e.kind).toBe('session');
    expect(e.message).toBe(SESSION_ENDED_MESSAGE);
    await c.request(OP, { n: 1 }).catch(() => undefined);
    expect(onSessionEnded).toHaveBeenCalledTimes(1);
    expect(c.signedIn).toBe(false);
  });

  it('429 reports the wait from Retry-After', async () => {
    const onRateLimited = vi.fn();
    const { fetch } = fakeFetch([
      json(429, { errors: [{ message: 'too many requests', extensions: { classification: 'TOO_MANY_REQUESTS', limit: 'rate' } }] }, { 'Retry-After': '7' }),
    ]);
    const e = await new ApiClient({ fetch, cookies: () => '', onRateLimited }).request(OP, { n: 1 }).catch((x) => x);
    expect(e.kind).toBe('rate');
    expect(e.retryAfterSeconds).toBe(7);
    expect(e.message).toContain('7 s');
    expect(onRateLimited).toHaveBeenCalledWith(e.message);
  });

  it('maps network failures and masked internal errors', async () => {
    const failing = vi.fn(async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch;
    const e = await new ApiClient({ fetch: failing, cookies: () => '' }).request(OP, { n: 1 }).catch((x) => x);
    expect(e.kind).toBe('network');
    expect(describeGraphQLError({ message: 'INTERNAL_ERROR for 3f2a-77', extensions: { classification: 'INTERNAL_ERROR' } }))
      .toContain('reference 3f2a-77');
  });

  it('abortAll aborts requests in flight', async () => {
    const fetch = vi.fn((_u: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_res, rej) => init!.signal!.addEventListener('abort', () => rej(new DOMException('aborted', 'AbortError'))))) as unknown as typeof globalThis.fetch;
    const c = new ApiClient({ fetch, cookies: () => '' });
    const p = c.request(OP, { n: 1 });
    c.abortAll();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('session endpoints', () => {
  it('GET /api/session: a session, or the sign-in mode on 401', async () => {
    const { fetch } = fakeFetch([
      json(200, { user: 'casemanager', roles: ['CASE_MANAGER'], agency: null, mode: 'demo', idleTimeoutSeconds: 900 }),
      json(401, { error: 'no session', mode: 'jwt' }),
    ]);
    const c = new ApiClient({ fetch, cookies: () => '' });
    expect(await c.session()).toMatchObject({ user: 'casemanager' });
    expect(c.signedIn).toBe(true);
    expect(await c.session()).toEqual({ mode: 'jwt' });
    expect(c.signedIn).toBe(false);
  });

  it('POST /signin sends the form with the CSRF header, fetching the cookie first when missing', async () => {
    let cookie = '';
    const { fetch, calls } = fakeFetch([
      () => { cookie = 'XSRF-TOKEN=t1'; return json(401, { error: 'no', mode: 'demo' }); },
      json(200, { user: 'analyst', roles: ['ANALYST'], agency: null, mode: 'demo' }),
    ]);
    const c = new ApiClient({ fetch, cookies: () => cookie });
    const s = await c.signIn('analyst', 'analyst-demo');
    expect(s.roles).toEqual(['ANALYST']);
    expect(calls[0]!.url).toBe('/api/session');
    const post = calls[1]!;
    expect(post.url).toBe('/signin');
    const h = post.init.headers as Record<string, string>;
    expect(h['Content-Type']).toBe('application/x-www-form-urlencoded');
    expect(h['X-XSRF-TOKEN']).toBe('t1');
    expect(String(post.init.body)).toBe('username=analyst&password=analyst-demo');
  });

  it('POST /signin 401 gives the service message', async () => {
    const { fetch } = fakeFetch([json(401, { error: 'Bad credentials' })]);
    const e = await new ApiClient({ fetch, cookies: () => 'XSRF-TOKEN=x' }).signIn('a', 'b').catch((x) => x);
    expect(e.kind).toBe('signin');
    expect(e.message).toBe('Bad credentials');
  });

  it('POST /signout with the CSRF header', async () => {
    const { fetch, calls } = fakeFetch([new Response(null, { status: 204 })]);
    await new ApiClient({ fetch, cookies: () => 'XSRF-TOKEN=z' }).signOut();
    expect(calls[0]!.url).toBe('/signout');
    expect((calls[0]!.init.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('z');
  });
});
