/** The API in its own process for the benchmark: prints its URL as JSON on stdout, stops on SIGTERM. */
import { MemoryBlobStore } from '../../apps/api/src/blobs/MemoryBlobStore.js';
import { startApiServer } from '../../apps/api/src/server/startApiServer.js';

const databaseUrl = process.env.BENCH_DATABASE_URL;
if (!databaseUrl) throw new Error('BENCH_DATABASE_URL is required');
const server = await startApiServer({ databaseUrl, port: 0, host: '127.0.0.1', blobStore: new MemoryBlobStore(), dbPoolSize: 10 });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.on('SIGTERM', () => { void server.close().then(() => process.exit(0)); });
