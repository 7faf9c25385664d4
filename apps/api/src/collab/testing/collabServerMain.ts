/**
 * A collaboration server as its own process (crash test, scale-out test, benchmark):
 *   tsx collabServerMain.ts   env: DATABASE_URL (required), REDIS_URL, PORT (default 0), COLLAB_LIMITS (JSON)
 * Prints one JSON line `{"port":N}` when listening. With an IPC channel it answers `{type:'stats'}` with memory/CPU
 * and `{type:'createVersion', projectId}`.
 */
import { startCollabServer } from './startCollabServer.js';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  process.stderr.write('DATABASE_URL is required\n');
  process.exit(2);
}
const server = await startCollabServer({
  databaseUrl,
  redisUrl: process.env.REDIS_URL || undefined,
  port: Number(process.env.PORT ?? 0),
  ...(process.env.COLLAB_LIMITS ? { limits: JSON.parse(process.env.COLLAB_LIMITS) as Record<string, number> } : {}),
  ...(process.env.CHECKPOINT_QUIET_MS ? { checkpointQuietMs: Number(process.env.CHECKPOINT_QUIET_MS) } : {}),
});
process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);

process.on('message', (m: { type: string; id?: number; projectId?: string }) => {
  const reply = (body: object) => process.send?.({ id: m.id, ...body });
  if (m.type === 'stats') {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    reply({ memory: process.memoryUsage(), cpu: process.cpuUsage(), openRooms: server.collab.service.openRooms, uptime: process.uptime() });
  } else if (m.type === 'createVersion' && m.projectId) {
    server.collab.service.createVersion(m.projectId, { name: 'bench' }).then((v) => reply({ version: v }), (e: unknown) => reply({ error: String(e) }));
  }
});
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
