/** Every environment variable the API and `npm start` read (documented in apps/api/README.md). */
export interface ApiConfig {
  apiPort: number;
  apiHost: string | undefined;
  webPort: number;
  /** dev | start | off */
  webMode: 'dev' | 'start' | 'off';
  databaseUrl: string | undefined;
  dataDir: string;
  blobDir: string | undefined;
  embeddedPgPort: number;
  webOrigins: string[];
  secureCookies: boolean;
  publicApiUrl: string;
  maxUploadBytes: number | undefined;
  maxImportBytes: number | undefined;
  maxImagePixels: number | undefined;
  authCacheMs: number;
  /** Redis for collaboration fan-out between API processes; unset = single process */
  redisUrl: string | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
  return n;
}

function optionalInt(env: NodeJS.ProcessEnv, name: string): number | undefined {
  return env[name] ? int(env, name, 0) : undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const apiPort = int(env, 'API_PORT', 4000);
  const webPort = int(env, 'WEB_PORT', 3000);
  const webMode = (env.STRATA_WEB_MODE ?? 'dev') as ApiConfig['webMode'];
  if (!['dev', 'start', 'off'].includes(webMode)) throw new ConfigError('STRATA_WEB_MODE must be dev, start or off');
  return {
    apiPort,
    apiHost: env.API_HOST || undefined,
    webPort,
    webMode,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.STRATA_DATA_DIR || '.data',
    blobDir: env.STRATA_BLOB_DIR || undefined,
    embeddedPgPort: int(env, 'STRATA_PG_PORT', 54329),
    webOrigins: (env.STRATA_WEB_ORIGINS || `http://localhost:${webPort},http://127.0.0.1:${webPort}`)
      .split(',').map((s) => s.trim()).filter(Boolean),
    secureCookies: env.STRATA_SECURE_COOKIES === '1',
    publicApiUrl: env.STRATA_API_URL || `http://localhost:${apiPort}`,
    maxUploadBytes: optionalInt(env, 'STRATA_MAX_UPLOAD_BYTES'),
    maxImportBytes: optionalInt(env, 'STRATA_MAX_IMPORT_BYTES'),
    maxImagePixels: optionalInt(env, 'STRATA_MAX_IMAGE_PIXELS'),
    authCacheMs: int(env, 'STRATA_AUTH_CACHE_MS', 2000),
    redisUrl: env.REDIS_URL || undefined,
  };
}
