import { describe, expect, it } from 'vitest';
import { credentialsFrom } from './credentials.js';

describe('credentialsFrom', () => {
  it('reads bearer tokens, session cookies and nothing', () => {
    expect(credentialsFrom({ authorization: 'Bearer stk_abc' })).toEqual({ kind: 'bearer', token: 'stk_abc' });
    expect(credentialsFrom({ cookie: 'a=1; strata_session=xyz' })).toEqual({ kind: 'session', secret: 'xyz' });
    expect(credentialsFrom({ authorization: 'Bearer t', cookie: 'strata_session=xyz' })).toEqual({ kind: 'bearer', token: 't' });
    expect(credentialsFrom({})).toEqual({ kind: 'none' });
    expect(credentialsFrom({ authorization: 'Basic Zm9vOmJhcg==' })).toEqual({ kind: 'malformed' });
  });
});
