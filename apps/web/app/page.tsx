import { apiUrl, checkApi } from './apiStatus';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const status = await checkApi();
  return (
    <main>
      <h1>Strata</h1>
      <p className="tagline">Turn a flat image into editable layers, and edit them together.</p>
      <div className="status" data-testid="api-status" data-reachable={status.reachable}>
        <span className={`dot ${status.reachable ? 'ok' : 'bad'}`} />
        <div>
          <div>{status.reachable ? 'API reachable' : 'API unreachable'}</div>
          <div className="detail">
            <code>{apiUrl}/graphql</code>
            {status.reachable ? ` answered in ${status.latencyMs} ms` : ` — ${status.reason}`}
          </div>
        </div>
      </div>
    </main>
  );
}
