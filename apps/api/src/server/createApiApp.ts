import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { typeDefs } from '@strata/schema/typeDefs';
import { credentialsFrom, SESSION_COOKIE } from '../auth/credentials.js';
import { AppError } from '../errors/AppError.js';
import { formatError } from '../errors/formatError.js';
import type { GraphQLContext } from '../graphql/context.js';
import { createLoaders } from '../graphql/loaders.js';
import { resolvers } from '../graphql/resolvers/index.js';
import type { Services } from '../services/Services.js';
import { blobRoutes } from './blobRoutes.js';
import { cors } from './cors.js';
import { DEFAULT_QUERY_LIMITS, queryLimitsPlugin, type QueryLimits } from './queryLimitsPlugin.js';
import { currentRequestId, requestScope } from './requestScope.js';

export interface ApiAppOptions {
  services: Services;
  /** origins allowed to call with credentials (the web app) */
  webOrigins: readonly string[];
  /** mark the session cookie Secure (behind HTTPS) */
  secureCookies?: boolean;
  queryLimits?: Partial<QueryLimits>;
  /** logs unexpected errors (default: console.error) */
  log?: (error: unknown, requestId?: string) => void;
}

export interface ApiApp {
  app: Express;
  httpServer: http.Server;
  apollo: ApolloServer<GraphQLContext>;
}

function defaultLog(error: unknown, requestId?: string): void {
  console.error(`[api] internal error${requestId ? ` (request ${requestId})` : ''}:`, error);
}

/** The API as an Express app on an (unstarted) HTTP server: /graphql, /blobs, /healthz. */
export async function createApiApp(o: ApiAppOptions): Promise<ApiApp> {
  const log = o.log ?? defaultLog;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GraphQLContext>({
    typeDefs,
    resolvers: resolvers as never,
    introspection: true,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, { requestId: currentRequestId, log }),
    // no HTTP cache hints: the cache-control plugin instruments every field, which costs more than it gives here
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginCacheControlDisabled(),
      queryLimitsPlugin({ ...DEFAULT_QUERY_LIMITS, ...o.queryLimits })],
  });
  await apollo.start();

  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: o.secureCookies ?? false, path: '/' };

  app.use(requestScope);
  app.use(cors(o.webOrigins));
  app.get('/healthz', (_req: Request, res: Response) => { res.json({ ok: true }); });
  app.use(blobRoutes(o.services, log));
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, {
    context: async ({ req, res }): Promise<GraphQLContext> => {
      let viewer;
      try {
        viewer = await o.services.auth.authenticate(credentialsFrom(req.headers));
      } catch (e) {
        if (e instanceof AppError) {
          throw new GraphQLError(e.message, { extensions: { code: e.code, http: { status: e.status } } });
        }
        throw e;
      }
      return {
        viewer,
        loaders: createLoaders(o.services.db),
        services: o.services,
        requestId: currentRequestId() ?? '',
        ip: req.ip ?? req.socket.remoteAddress ?? '',
        setSessionCookie: (token, expiresAt) => { res.cookie(SESSION_COOKIE, token, { ...cookieOptions, expires: expiresAt }); },
        clearSessionCookie: () => { res.clearCookie(SESSION_COOKIE, cookieOptions); },
      };
    },
  }));
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such endpoint' } });
  });
  return { app, httpServer, apollo };
}
