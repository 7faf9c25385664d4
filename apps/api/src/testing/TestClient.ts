/** A small GraphQL/HTTP client for tests and benchmarks: keeps the session cookie, or sends a bearer token. */
export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors: { message: string; path?: (string | number)[]; extensions?: { code?: string; requestId?: string } }[] | undefined;
  headers: Headers;
}

export class TestClient {
  cookie: string | null = null;
  token: string | null = null;

  constructor(readonly url: string) {}

  withToken(token: string): TestClient {
    const c = new TestClient(this.url);
    c.token = token;
    return c;
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = { ...extra };
    if (this.token) h.authorization = `Bearer ${this.token}`;
    if (this.cookie) h.cookie = this.cookie;
    return h;
  }

  async gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/json' }),
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('strata_session='));
    if (setCookie) {
      const value = setCookie.split(';')[0]!;
      this.cookie = value === 'strata_session=' ? null : value;
    }
    const body = (await res.json()) as { data?: T | null; errors?: GqlResponse['errors'] };
    return { status: res.status, data: body.data ?? null, errors: body.errors, headers: res.headers };
  }

  /** The data, or throws with the errors. */
  async ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const r = await this.gql<T>(query, variables);
    if (r.errors?.length || !r.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data;
  }

  upload(bytes: Uint8Array, contentType = 'image/png'): Promise<Response> {
    return fetch(`${this.url}/blobs`, { method: 'POST', headers: this.headers({ 'content-type': contentType }), body: bytes });
  }

  getBlob(sha256: string, extra: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.url}/blobs/${sha256}`, { headers: this.headers(extra) });
  }
}
