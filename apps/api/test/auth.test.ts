import { describe, expect, it } from 'vitest';
import { makeToken, makeUser, TEST_PASSWORD } from '../src/testing/factories.js';
import { TestClient } from '../src/testing/TestClient.js';
import { useTestApi } from '../src/testing/testApi.js';

const api = useTestApi({ services: { signInLimits: { perEmail: 3, perIp: 1000 } } });
const SIGN_UP = 'mutation($i: SignUpInput!) { signUp(input: $i) { user { email name } userErrors { code path message } } }';
const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { user { email } userErrors { code message } } }';
let n = 0;
const email = () => `auth-${Date.now()}-${n++}@example.test`;

describe('sign-up, sign-in, sessions', () => {
  it('signs up, keeps an http-only SameSite session cookie, signs out', async () => {
    const c = new TestClient(api.url);
    const addr = email();
    const r = await c.gql<{ signUp: { user: { email: string } } }>(SIGN_UP, { i: { email: addr, password: 'password123', name: ' Ada ' } });
    expect(r.data?.signUp.user).toEqual({ email: addr, name: 'Ada' });
    const cookie = r.headers.getSetCookie().find((h) => h.startsWith('strata_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await c.ok<{ me: { email: string } }>('{ me { email } }')).me.email).toBe(addr);
    await c.ok('mutation { signOut { signedOut } }');
    expect(c.cookie).toBeNull();
    expect(await api.db.session.count({ where: { user: { email: addr } } })).toBe(0);
  });

  it.each([
    ['duplicate email', async (): Promise<string> => (await makeUser(api.db)).email.toUpperCase(), 'password123', 'A', 'EMAIL_TAKEN', ['input', 'email']],
    ['invalid email', async (): Promise<string> => 'not-an-email', 'password123', 'A', 'INVALID_INPUT', ['input', 'email']],
    ['short password', async (): Promise<string> => email(), 'short', 'A', 'INVALID_INPUT', ['input', 'password']],
    ['name over 200 characters', async (): Promise<string> => email(), 'password123', 'x'.repeat(201), 'INVALID_INPUT', ['input', 'name']],
    ['empty name', async (): Promise<string> => email(), 'password123', '   ', 'INVALID_INPUT', ['input', 'name']],
  ] as const)('refuses sign-up with %s and writes nothing', async (_n, addr, password, name, code, path) => {
    const address = await addr();
    const before = await api.db.user.count();
    const r = await new TestClient(api.url).gql<{ signUp: { user: null; userErrors: { code: string; path: string[] }[] } }>(
      SIGN_UP, { i: { email: address, password, name } });
    expect(r.data?.signUp.user).toBeNull();
    expect(r.data?.signUp.userErrors[0]).toMatchObject({ code, path });
    expect(r.headers.getSetCookie()).toEqual([]);
    expect(await api.db.user.count()).toBe(before);
  });

  it('signs in with the right password only, and rate-limits repeated failures', async () => {
    const user = await makeUser(api.db);
    const c = new TestClient(api.url);
    const wrong = await c.ok<{ signIn: { user: null; userErrors: { code: string }[] } }>(SIGN_IN, { i: { email: user.email, password: 'nope-nope' } });
    expect(wrong.signIn.userErrors[0]?.code).toBe('INVALID_CREDENTIALS');
    expect(c.cookie).toBeNull();
    const right = await c.ok<{ signIn: { user: { email: string } } }>(SIGN_IN, { i: { email: user.email, password: TEST_PASSWORD } });
    expect(right.signIn.user.email).toBe(user.email);
    expect(c.cookie).toMatch(/^strata_session=/);
    const sessions = await api.db.session.count({ where: { userId: user.id } });

    const victim = await makeUser(api.db);
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await new TestClient(api.url).ok<{ signIn: { userErrors: { code: string }[] } }>(SIGN_IN, { i: { email: victim.email, password: `guess-${i}` } });
      codes.push(r.signIn.userErrors[0]!.code);
    }
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'RATE_LIMITED']);
    // even the right password is refused while limited
    const blocked = await new TestClient(api.url).ok<{ signIn: { userErrors: { code: string }[] } }>(SIGN_IN, { i: { email: victim.email, password: TEST_PASSWORD } });
    expect(blocked.signIn.userErrors[0]?.code).toBe('RATE_LIMITED');
    expect(await api.db.session.count({ where: { userId: victim.id } })).toBe(0);
    expect(await api.db.session.count({ where: { userId: user.id } })).toBe(sessions);
  });

  it('an unknown email fails like a wrong password', async () => {
    const r = await new TestClient(api.url).ok<{ signIn: { userErrors: { code: string }[] } }>(SIGN_IN, { i: { email: email(), password: 'whatever1' } });
    expect(r.signIn.userErrors[0]?.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('personal access tokens', () => {
  it('creates (secret shown once), authenticates, records last use, lists and revokes', async () => {
    const owner = await makeUser(api.db, 'Tok');
    const c = new TestClient(api.url).withToken(await makeToken(api.db, owner));
    const created = await c.ok<{ createApiToken: { token: string; apiToken: { id: string; name: string } } }>(
      'mutation { createApiToken(input: { name: "script" }) { token apiToken { id name } userErrors { code } } }');
    const token = created.createApiToken.token;
    const row = await api.db.apiToken.findFirstOrThrow({ where: { userId: owner.id, name: 'script' } });
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
    const viaToken = new TestClient(api.url).withToken(token);
    expect((await viaToken.ok<{ me: { name: string } }>('{ me { name } }')).me.name).toBe('Tok');
    expect((await api.db.apiToken.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).not.toBeNull();
    const listed = await c.ok<{ apiTokens: { name: string }[] }>('{ apiTokens { name } }');
    expect(listed.apiTokens.map((t) => t.name)).toContain('script');
    expect(JSON.stringify(listed)).not.toContain(token);

    await c.ok('mutation($i: RevokeApiTokenInput!) { revokeApiToken(input: $i) { apiToken { revokedAt } userErrors { code } } }',
      { i: { id: created.createApiToken.apiToken.id } });
    const after = await viaToken.gql('{ me { name } }');
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.code).toBe('TOKEN_REVOKED');
  });

  it('refuses expired, unknown and malformed tokens with 401 and a code', async () => {
    const user = await makeUser(api.db);
    const expired = await makeToken(api.db, user, { expiresAt: new Date(Date.now() - 1000) });
    const cases: [Record<string, string>, string][] = [
      [{ authorization: `Bearer ${expired}` }, 'TOKEN_EXPIRED'],
      [{ authorization: 'Bearer stk_doesnotexist' }, 'INVALID_TOKEN'],
      [{ authorization: 'Basic abc' }, 'INVALID_TOKEN'],
    ];
    for (const [headers, code] of cases) {
      const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ me { id } }' }) });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(code);
    }
  });

  it('refuses a token expiring in the past and overlong names; another user cannot revoke my token', async () => {
    const user = await makeUser(api.db);
    const c = new TestClient(api.url).withToken(await makeToken(api.db, user));
    const q = 'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token userErrors { code path } } }';
    const past = await c.ok<{ createApiToken: { token: null; userErrors: { code: string; path: string[] }[] } }>(q, { i: { name: 'x', expiresAt: '2000-01-01T00:00:00Z' } });
    expect(past.createApiToken).toMatchObject({ token: null, userErrors: [{ code: 'INVALID_INPUT', path: ['input', 'expiresAt'] }] });
    const long = await c.ok<{ createApiToken: { userErrors: { code: string }[] } }>(q, { i: { name: 'n'.repeat(201) } });
    expect(long.createApiToken.userErrors[0]?.code).toBe('INVALID_INPUT');
    expect(await api.db.apiToken.count({ where: { userId: user.id } })).toBe(1);

    const mine = await c.ok<{ createApiToken: { token: string } }>('mutation { createApiToken(input: { name: "mine" }) { token } }');
    const row = await api.db.apiToken.findFirstOrThrow({ where: { userId: user.id, name: 'mine' } });
    const thief = new TestClient(api.url).withToken(await makeToken(api.db, await makeUser(api.db)));
    const { toGlobalId } = await import('@strata/schema');
    const r = await thief.ok<{ revokeApiToken: { userErrors: { code: string }[] } }>(
      'mutation($i: RevokeApiTokenInput!) { revokeApiToken(input: $i) { userErrors { code } } }', { i: { id: toGlobalId('ApiToken', row.id) } });
    expect(r.revokeApiToken.userErrors[0]?.code).toBe('NOT_FOUND');
    expect((await new TestClient(api.url).withToken(mine.createApiToken.token).ok<{ me: { id: string } }>('{ me { id } }')).me).toBeTruthy();
  });
});
