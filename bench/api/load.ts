/** Closed-loop HTTP load: `clients` concurrent clients each send the next request when the last one answered. */
import http from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function runLoad(o: { url: string; token: string; body: string; clients: number; warmupMs: number;
  durationMs: number; check: (json: unknown) => boolean }): Promise<LoadResult> {
  const target = new URL('/graphql', o.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.clients });
  const send = (): Promise<unknown> => new Promise((resolve, reject) => {
    const req = http.request(target, { method: 'POST', agent, headers: { 'content-type': 'application/json',
      authorization: `Bearer ${o.token}`, 'content-length': Buffer.byteLength(o.body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve(res.statusCode === 200 ? JSON.parse(Buffer.concat(chunks).toString()) : null);
        } catch (e) {
          reject(e);
        }
      });
    });
    req.on('error', reject);
    req.end(o.body);
  });
  const latencies: number[] = [];
  let errors = 0;
  let measuring = false;
  const start = performance.now();
  const warmEnd = start + o.warmupMs;
  const end = warmEnd + o.durationMs;
  const client = async (): Promise<void> => {
    while (performance.now() < end) {
      const t0 = performance.now();
      let ok = false;
      try {
        ok = o.check(await send());
      } catch {
        ok = false;
      }
      const t1 = performance.now();
      if (t0 >= warmEnd) {
        measuring = true;
        if (ok) latencies.push(t1 - t0);
        else errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: o.clients }, client));
  agent.destroy();
  const seconds = (performance.now() - warmEnd) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95),
    p99: percentile(latencies, 99), rps: measuring ? latencies.length / seconds : 0 };
}
