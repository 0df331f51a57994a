/**
 * Builds Candor's server from its parts and never listens: `main.ts` listens, tests start it on
 * port 0 with a temporary data directory and real clients.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Server } from 'socket.io';
import { type Config, ROOT } from './config.js';
import type { Store } from './store/types.js';
import type { AssistSettings } from './assist/assist.js';
import type { Engine } from './suggest/engine.js';
import type { Logger } from './log.js';
import { allow, authenticate, caller } from './web/auth.js';
import { errorHandler, notFound } from './http/error-handler.js';
import { jsonBodies } from './web/json.js';
import { refuseWhileBlocked } from './web/limits.js';
import { attemptLimit } from './permissions/attempts.js';
import type { HttpDeps } from './http/deps.js';
import { customerRoutes } from './http/routes/customers.js';
import { factRoutes } from './http/routes/facts.js';
import { consentRoutes } from './http/routes/consents.js';
import { assistRoutes } from './http/routes/assist.js';
import { adminRoutes } from './http/routes/admin.js';
import { promptRoutes } from './http/routes/prompts.js';
import { recordingRoutes } from './http/routes/recordings.js';
import { notesRoutes } from './http/routes/notes.js';
import { adapterRoutes } from './http/routes/adapters.js';
import { createRecorder } from './recorder/recorder.js';
import { recordingsDirOf } from './recorder/files.js';
import { attachPanels, type PanelServer } from './realtime/panel.js';
import { demoRouter } from './demo/routes.js';
import { outboxRouter } from './demo/outbox.js';
import { adminPages } from './admin/routes.js';
import { candorExtensionOrigin, originAllowed, ownOrigins, publicBase } from './http/origins.js';
import { portalLinkRoutes } from './http/routes/portal-links.js';
import { taughtRoutes } from './http/routes/taught.js';
import { insightRoutes } from './http/routes/insights.js';
import { coachRoutes } from './http/routes/coach.js';
import { breachRoutes } from './http/routes/breach.js';
import { privacyRequestRoutes } from './http/routes/privacy-requests.js';
import { factFlagRoutes } from './http/routes/fact-flags.js';
import { ruleOf } from './protocol/requests.js';
import { portalRoutes } from './portal/routes.js';
import { portalSecret } from './portal/links.js';
import { pausePersonalisation } from './privacy/changes.js';
import { recipientRegister } from './portal/recipients.js';
import { mailPortalLink, type LinkDeps } from './portal/issue.js';
import { pauseLink } from './portal/pause-token.js';
import { clusterNotify, clusterNotifyAll, type Adapter } from './realtime/cluster.js';
import { articleRoutes } from './http/routes/articles.js';
import { createMailer } from './mail/mailer.js';
import { fileOutbox } from './mail/outbox.js';

export interface AppParts {
  store: Store;
  settings: AssistSettings;
  engine: Engine;
  /** The PostgreSQL adapter when several servers share the store (`realtime/cluster.ts`). */
  adapter?: Adapter;
  config: Pick<
    Config,
    | 'HOST'
    | 'CANDOR_BODY_LIMIT'
    | 'CANDOR_ALLOWED_ORIGINS'
    | 'CANDOR_DEMO'
    | 'CANDOR_PROMPTS_DIR'
    | 'CANDOR_GATE_DIR'
    | 'CANDOR_DATA_DIR'
    | 'CANDOR_TRUST_PROXY'
    | 'CANDOR_AUTH_FAILURE_LIMIT'
    | 'CANDOR_TEMPLATE_BUDGET_MS'
    | 'CANDOR_INSIGHTS_MIN_CELL'
    | 'CANDOR_HELP_CENTRE_URL'
    | MailSetting
    | PortalSetting
  >;
  log: Logger;
}

type MailSetting = 'CANDOR_SMTP_URL' | 'CANDOR_MAIL_FROM';
type PortalSetting =
  | 'CANDOR_PUBLIC_URL'
  | 'CANDOR_PORTAL_SECRET'
  | 'CANDOR_PORTAL_LINK_MINUTES'
  | 'CANDOR_PORTAL_SESSION_MINUTES'
  | 'CANDOR_CONTROLLER_NAME'
  | 'CANDOR_CONTROLLER_EMAIL'
  | 'CANDOR_PRIVACY_POLICY_URL'
  | 'CANDOR_JURISDICTION'
  | 'CANDOR_RECIPIENTS';

const FAVICON = path.join(ROOT, 'server/web/public/favicon.svg');
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src " +
  "'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
  "frame-ancestors 'none'; form-action 'self'";

function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.set({
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  });
  next();
}

export function createApp(parts: AppParts) {
  const { store, settings, engine, config, log } = parts;
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Only a configured proxy's X-Forwarded-* headers are believed (client addresses for the attempt limits, https).
  app.set('trust proxy', config.CANDOR_TRUST_PROXY ?? false);
  const httpServer = createServer(app);
  const own = ownOrigins(config.CANDOR_PUBLIC_URL, config.HOST, () => (httpServer.address() as AddressInfo).port);
  const base = publicBase(config.CANDOR_PUBLIC_URL, own);
  const allowedOrigins = [...config.CANDOR_ALLOWED_ORIGINS, candorExtensionOrigin()];
  const io: PanelServer = new Server(httpServer, {
    ...(parts.adapter ? { adapter: parts.adapter } : {}),
    maxHttpBufferSize: config.CANDOR_BODY_LIMIT,
    allowRequest: (req, cb) => {
      const ok = originAllowed(req, [...own(), ...allowedOrigins]);
      cb(ok ? null : 'origin not allowed', ok);
    },
  });
  const failures = attemptLimit(config.CANDOR_AUTH_FAILURE_LIMIT);
  const assistDeps = { store, settings, engine, log, helpCentreUrl: config.CANDOR_HELP_CENTRE_URL };
  const recordingsDir = recordingsDirOf(config.CANDOR_DATA_DIR);
  const secret = portalSecret(config.CANDOR_PORTAL_SECRET, config.CANDOR_DATA_DIR);
  // Without SMTP, the demo keeps the customer's side walkable through its outbox (example addresses only).
  const outbox =
    config.CANDOR_DEMO && !config.CANDOR_SMTP_URL
      ? fileOutbox(path.resolve(config.CANDOR_DATA_DIR, 'demo-outbox'))
      : null;
  const mailer = createMailer({
    smtpUrl: config.CANDOR_SMTP_URL,
    from: config.CANDOR_MAIL_FROM ?? `${config.CANDOR_CONTROLLER_NAME} <${config.CANDOR_CONTROLLER_EMAIL}>`,
    outbox,
  });
  const links: LinkDeps = {
    store,
    mailer,
    secret,
    minutes: config.CANDOR_PORTAL_LINK_MINUTES,
    base,
    controllerName: config.CANDOR_CONTROLLER_NAME,
  };
  const recorder = createRecorder({ store, settings, log, dir: recordingsDir });
  const panels = attachPanels(
    io,
    assistDeps,
    recorder,
    {
      portal: (customerId, actor) => mailPortalLink(links, customerId, { actor, channel: 'panel' }),
      pause: (customerId) => pauseLink(links, customerId),
      portalStart: () => `${links.base()}/portal/start`,
    },
    failures,
    ruleOf(config.CANDOR_JURISDICTION)!,
    // Called only once a panel asks, long after `changes` below exists.
    (customerId, who) => pausePersonalisation(changes, customerId, who),
  );
  const notify = clusterNotify(io, panels.notify, Boolean(parts.adapter), log);
  const notifyArticles = clusterNotifyAll(io, panels.notifyAll, Boolean(parts.adapter), log);
  const forget = async (customerId: string) => {
    await recorder.forget(customerId);
    outbox?.forget(customerId);
  };
  const changes = {
    store,
    taxonomy: settings.taxonomy,
    notify,
    forgetRecordings: forget,
    recordingDirs: [recordingsDir, config.CANDOR_GATE_DIR],
  };
  const deps: HttpDeps = {
    store,
    settings,
    log,
    notify,
    notifyArticles,
    helpCentreUrl: config.CANDOR_HELP_CENTRE_URL,
    changes,
    links,
    disconnectToken: panels.disconnectToken,
    prompts: {
      dir: config.CANDOR_PROMPTS_DIR,
      gateDir: config.CANDOR_GATE_DIR,
      model: engine.name === 'openai',
      budgetMs: config.CANDOR_TEMPLATE_BUDGET_MS,
    },
    insights: { minCell: config.CANDOR_INSIGHTS_MIN_CELL },
  };

  app.use(securityHeaders);
  app.get('/healthz', allow('public.read'), (_req, res) => void res.json({ ok: true }));
  // Browsers ask every host for /favicon.ico; an SVG answers both that and the pages' own icon link.
  for (const file of ['/favicon.ico', '/favicon.svg'])
    app.get(file, allow('public.read'), (_req, res) =>
      res.type('image/svg+xml').set('Cache-Control', 'public, max-age=86400').sendFile(FAVICON),
    );
  app.use(adminPages());
  app.use(
    portalRoutes({
      store,
      settings,
      changes,
      links,
      secret,
      sessionMinutes: config.CANDOR_PORTAL_SESSION_MINUTES,
      controller: {
        name: config.CANDOR_CONTROLLER_NAME,
        email: config.CANDOR_CONTROLLER_EMAIL,
        policyUrl: config.CANDOR_PRIVACY_POLICY_URL,
        jurisdiction: config.CANDOR_JURISDICTION,
      },
      recipients: recipientRegister(config.CANDOR_RECIPIENTS, engine.endpoint),
      failures,
      requests: attemptLimit(5),
      log,
    }),
  );
  if (config.CANDOR_DEMO) {
    app.get('/', allow('public.read'), (_req, res) => res.redirect('/demo'));
    app.use(demoRouter());
    if (outbox) app.use(outboxRouter(outbox));
  }

  const api = express.Router();
  api.use(refuseWhileBlocked(failures), jsonBodies(config.CANDOR_BODY_LIMIT));
  api.use(authenticate(store, (req) => failures.count(req.ip ?? '')));
  // Who the token is: what a panel's "test connection" shows.
  api.get(
    '/me',
    allow('session.read'),
    (req, res) => void res.json({ tokenId: caller(req).tokenId, role: caller(req).kind }),
  );
  api.use(
    customerRoutes(deps),
    factRoutes(deps),
    consentRoutes(deps),
    assistRoutes(assistDeps),
    adminRoutes(deps),
    promptRoutes(deps),
    recordingRoutes(deps, recordingsDir),
    notesRoutes(deps),
    portalLinkRoutes(deps),
    adapterRoutes(deps),
    taughtRoutes(deps),
    insightRoutes(deps),
    coachRoutes(deps),
    breachRoutes(deps),
    articleRoutes(deps),
    privacyRequestRoutes(deps),
    factFlagRoutes(deps),
  );
  app.use('/api/v1', api);
  app.use(notFound);
  app.use(errorHandler(log));

  return { app, httpServer, io, notify, notifyArticles, mailer };
}
