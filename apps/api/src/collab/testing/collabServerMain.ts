/**
 * A collaboration server as its own process (crash test, scale-out test, benchmark):
 *   tsx collabServerMain.ts   env: DATABASE_URL (required), REDIS_URL, PORT (default 0), COLLAB_LIMITS (JSON)
 * Prints one JSON line `{"port":N}` when listening. With an IPC channel it answers `{type:'stats'}` with memory/CPU
 * `{type:'createVersion', projectId}` and `{type:'membershipChanged', projectId, userId}`.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { CollabEvent } from '../types.js';
import { startCollabServer } from './startCollabServer.js';

/** group-commit statistics since the last `stats` request */
const flushes = { waited: [] as number[], append: [] as number[], updates: 0, count: 0 };
const onEvent = (e: CollabEvent): void => {
  if (e.type !== 'flushed') return;
  flushes.count++;
  flushes.updates += e.updates;
  if (flushes.waited.length < 200_000) {
    flushes.waited.push(e.waitedMs);
    flushes.append.push(e.appendMs);
  }
};
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const pct = (xs: number[], q: number): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! * 100) / 100;
};

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  process.stderr.write('DATABASE_URL is required\n');
  process.exit(2);
}
const server = await startCollabServer({
  databaseUrl,
  redisUrl: process.env.REDIS_URL || undefined,
  port: Number(process.env.PORT ?? 0),
  onEvent,
  ...(process.env.COLLAB_LIMITS ? { limits: JSON.parse(process.env.COLLAB_LIMITS) as Record<string, number> } : {}),
  ...(process.env.CHECKPOINT_QUIET_MS ? { checkpointQuietMs: Number(process.env.CHECKPOINT_QUIET_MS) } : {}),
});
process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);

process.on('message', (m: { type: string; id?: number; projectId?: string; userId?: string }) => {
  const reply = (body: object) => process.send?.({ id: m.id, ...body });
  if (m.type === 'stats') {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const flush = {
      flushes: flushes.count,
      updates: flushes.updates,
      waitedP50: pct(flushes.waited, 0.5), waitedP95: pct(flushes.waited, 0.95), waitedP99: pct(flushes.waited, 0.99),
      appendP50: pct(flushes.append, 0.5), appendP95: pct(flushes.append, 0.95),
      loopDelayP99: Math.round(loopDelay.percentile(99) / 1e4) / 100,
    };
    flushes.waited = [];
    flushes.append = [];
    flushes.count = 0;
    flushes.updates = 0;
    loopDelay.reset();
    reply({ memory: process.memoryUsage(), cpu: process.cpuUsage(), openRooms: server.collab.service.openRooms, uptime: process.uptime(), flush });
  } else if (m.type === 'membershipChanged' && m.projectId && m.userId) {
    server.collab.service.onMembershipChanged(m.projectId, m.userId).then(() => reply({ ok: true }), (e: unknown) => reply({ error: String(e) }));
  } else if (m.type === 'createVersion' && m.projectId) {
    server.collab.service.createVersion(m.projectId, { name: 'bench' }).then((v) => reply({ version: v }), (e: unknown) => reply({ error: String(e) }));
  }
});
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
