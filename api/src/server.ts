import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { AppModule, AppOptions } from './app.module';

export interface ServerOptions extends AppOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** The built dashboard (web/dist), served from the same port when present. */
  webRoot?: string;
  logLevels?: LogLevel[];
  /** Proxies whose X-Forwarded-For is believed (config TRUST_PROXY); none when unset or empty. */
  trustProxy?: string[];
}

export interface RunningServer {
  app: NestExpressApplication;
  url: string;
  close(): Promise<void>;
}

/** Starts the API (and the dashboard's static files) and resolves once it is listening. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    logger: options.logLevels ?? ['error', 'warn'],
    bodyParser: false,
  });
  const connections = closeConnectionsOnShutdown(app);
  app.use(helmet({ contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY } }));
  // The dashboard's largest request is a GraphQL query of a few KB; refuse anything far bigger.
  app.useBodyParser('json', { limit: '64kb' });
  // req.ip (the sign-in throttle's per-address key) is the socket's address unless the request came
  // through a proxy named here; any client can send X-Forwarded-For.
  app.set('trust proxy', options.trustProxy?.length ? options.trustProxy : false);
  // ETags of API answers: every answer is a POST or no-store; hashing each body costs CPU for nothing
  // (the dashboard's static files keep theirs: serve-static sets its own).
  app.set('etag', false);
  if (options.webRoot && existsSync(path.join(options.webRoot, 'index.html'))) serveDashboard(app, options.webRoot);
  await app.listen(options.port, options.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  return {
    app,
    url: `http://${shownHost}:${port}`,
    close: async () => {
      connections.closing();
      await app.close();
    },
  };
}

/**
 * On shutdown the listening socket closes and idle kept-alive connections are dropped, but a
 * request still running would answer "keep-alive", and its client could send another request
 * on that socket before the server is gone. Requests in flight, and any that sneak in, answer
 * with `Connection: close` instead, so every connection ends with its last response.
 */
function closeConnectionsOnShutdown(app: NestExpressApplication): { closing(): void } {
  const inFlight = new Set<Response>();
  let closing = false;
  app.use((_req: Request, res: Response, next: NextFunction) => {
    if (closing) res.setHeader('Connection', 'close');
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    next();
  });
  return {
    closing() {
      closing = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    },
  };
}

/** Recharts styles elements inline; everything else comes from this origin only. */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/**
 * Static files, plus the SPA fallback so that a shared link to any page opens the dashboard.
 * Source maps never: they are public files (no session is needed for the dashboard's assets) and
 * would hand anyone the dashboard's source; a stale dist/ from an older build may still hold some.
 */
function serveDashboard(app: NestExpressApplication, webRoot: string): void {
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.endsWith('.map')) res.status(404).type('text/plain').send('Not found');
    else next();
  });
  app.useStaticAssets(webRoot, { index: false, maxAge: '1h', immutable: false });
  const indexHtml = path.join(webRoot, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isApi = ['/graphql', '/health', '/auth/', '/api/'].some((prefix) => req.path.startsWith(prefix));
    const wantsPage = req.headers.accept?.includes('text/html') ?? false;
    if (req.method === 'GET' && !isApi && wantsPage)
      res.sendFile(indexHtml, { headers: { 'Cache-Control': 'no-cache' } });
    else next();
  });
}
