/** Where the API is, as the server that renders the page sees it. */
export const apiUrl = process.env.STRATA_API_URL ?? process.env.NEXT_PUBLIC_API_URL ?? 'http://localhost:4000';

export type ApiStatus =
  | { reachable: true; latencyMs: number }
  | { reachable: false; reason: string };

/** Asks the GraphQL endpoint for `__typename`: answers only if the API and its schema are up. */
export async function checkApi(timeoutMs = 3000): Promise<ApiStatus> {
  const started = performance.now();
  try {
    const response = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return { reachable: false, reason: `HTTP ${response.status}` };
    const body = (await response.json()) as { data?: { __typename?: string } };
    if (body.data?.__typename !== 'Query') return { reachable: false, reason: 'unexpected GraphQL answer' };
    return { reachable: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { reachable: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
