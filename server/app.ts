/**
 * Builds Candor's server from its parts and never listens: `main.ts` listens, tests start it on
 * port 0 with a temporary data directory and real clients.
 */
import { createServer } from 'node:http';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Server } from 'socket.io';
import type { Config } from './config.js';
import type { Store } from './store/types.js';
import type { AssistSettings } from './assist/assist.js';
import type { Engine } from './suggest/engine.js';
import type { Logger } from './log.js';
import { auth, authenticate } from './http/auth.js';
import { errorHandler, notFound } from './http/error-handler.js';
import type { HttpDeps } from './http/deps.js';
import { customerRoutes } from './http/routes/customers.js';
import { factRoutes } from './http/routes/facts.js';
import { consentRoutes } from './http/routes/consents.js';
import { assistRoutes } from './http/routes/assist.js';
import { adminRoutes } from './http/routes/admin.js';
import { promptRoutes } from './http/routes/prompts.js';
import { recordingRoutes } from './http/routes/recordings.js';
import { createRecorder } from './recorder/recorder.js';
import { attachPanels, type PanelServer } from './realtime/panel.js';
import { demoRouter } from './demo/routes.js';
import { adminPages } from './admin/routes.js';
import { candorExtensionOrigin, originAllowed } from './http/origins.js';
import { portalLinkRoutes } from './http/routes/portal-links.js';
import { portalRoutes } from './portal/routes.js';
import { portalSecret } from './portal/links.js';
import { issuePortalLink, publicBase } from './portal/issue.js';
import { clusterNotify, type Adapter } from './realtime/cluster.js';

export interface AppParts {
  store: Store;
  settings: AssistSettings;
  engine: Engine;
  /** The PostgreSQL adapter when several servers share the store (`realtime/cluster.ts`). */
  adapter?: Adapter;
  config: Pick<Config, 'CANDOR_BODY_LIMIT' | 'CANDOR_ALLOWED_ORIGINS' | 'CANDOR_DEMO' | 'CANDOR_PROMPTS_DIR' | 'CANDOR_GATE_DIR' | 'CANDOR_TEMPLATE_BUDGET_MS' | 'CANDOR_DATA_DIR' | PortalSetting>;
  log: Logger;
}

type PortalSetting = 'CANDOR_PUBLIC_URL' | 'CANDOR_PORTAL_SECRET' | 'CANDOR_PORTAL_LINK_MINUTES' | 'CANDOR_PORTAL_SESSION_MINUTES' | 'CANDOR_CONTROLLER_NAME' | 'CANDOR_CONTROLLER_EMAIL' | 'CANDOR_PRIVACY_POLICY_URL' | 'CANDOR_JURISDICTION';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.set({ 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cross-Origin-Opener-Policy': 'same-origin' });
  next();
}

export function createApp(parts: AppParts) {
  const { store, settings, engine, config, log } = parts;
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // A proxy on this machine (nginx, see the README) says how the customer reached it (https or not).
  app.set('trust proxy', 'loopback');
  const httpServer = createServer(app);
  const origins = [...config.CANDOR_ALLOWED_ORIGINS, candorExtensionOrigin()];
  const io: PanelServer = new Server(httpServer, {
    ...(parts.adapter ? { adapter: parts.adapter } : {}),
    maxHttpBufferSize: config.CANDOR_BODY_LIMIT,
    allowRequest: (req, cb) => {
      const ok = originAllowed(req, origins);
      cb(ok ? null : 'origin not allowed', ok);
    },
  });
  const assistDeps = { store, settings, engine, log };
  const recordingsDir = path.resolve(config.CANDOR_DATA_DIR, 'recordings');
  const secret = portalSecret(config.CANDOR_PORTAL_SECRET, config.CANDOR_DATA_DIR);
  const recorder = createRecorder({ store, settings, log, dir: recordingsDir });
  const portalLink = (customerId: string, actor: string, origin: string) =>
    issuePortalLink(store, { secret, customerId, minutes: config.CANDOR_PORTAL_LINK_MINUTES, base: publicBase(config.CANDOR_PUBLIC_URL, origin), meta: { actor, channel: 'panel' } });
  const panels = attachPanels(io, assistDeps, recorder, portalLink);
  const notify = clusterNotify(io, panels.notify, Boolean(parts.adapter), log);
  const changes = { store, taxonomy: settings.taxonomy, notify, forgetRecordings: recorder.forget, recordingDirs: [recordingsDir, config.CANDOR_GATE_DIR] };
  const deps: HttpDeps = {
    store,
    settings,
    log,
    notify,
    changes,
    portal: { secret, linkMinutes: config.CANDOR_PORTAL_LINK_MINUTES, publicUrl: config.CANDOR_PUBLIC_URL },
    disconnectToken: panels.disconnectToken,
    prompts: { dir: config.CANDOR_PROMPTS_DIR, gateDir: config.CANDOR_GATE_DIR, model: engine.name === 'openai', budgetMs: config.CANDOR_TEMPLATE_BUDGET_MS },
  };

  app.use(securityHeaders);
  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  app.use(adminPages());
  app.use(
    portalRoutes({
      store,
      settings,
      changes,
      secret,
      sessionMinutes: config.CANDOR_PORTAL_SESSION_MINUTES,
      publicUrl: config.CANDOR_PUBLIC_URL,
      controller: {
        name: config.CANDOR_CONTROLLER_NAME,
        email: config.CANDOR_CONTROLLER_EMAIL,
        policyUrl: config.CANDOR_PRIVACY_POLICY_URL,
        jurisdiction: config.CANDOR_JURISDICTION,
      },
    }),
  );
  if (config.CANDOR_DEMO) {
    app.get('/', (_req, res) => res.redirect('/demo'));
    app.use(demoRouter());
  }

  const api = express.Router();
  api.use(express.json({ limit: config.CANDOR_BODY_LIMIT, strict: true }));
  api.use(authenticate(store));
  // Who the token is: what a panel's "test connection" shows.
  api.get('/me', (req, res) => void res.json({ tokenId: auth(req).tokenId, role: auth(req).role }));
  api.use(customerRoutes(deps), factRoutes(deps), consentRoutes(deps), assistRoutes(assistDeps), adminRoutes(deps), promptRoutes(deps), recordingRoutes(deps, recordingsDir), portalLinkRoutes(deps));
  app.use('/api/v1', api);
  app.use(notFound);
  app.use(errorHandler(log));

  return { app, httpServer, io, notify };
}
