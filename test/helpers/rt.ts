/**
 * A real Request Tracker 5 (Debian's `request-tracker5`, SQLite backend) for the tests: started on a
 * free loopback port with its own database copy, driven through its REST 2.0 API and mail gateway,
 * stopped at the end. `.ci/run` installs the packages; without them (or without the right to write
 * RT's config directory) `rtMissing()` says why and the RT tests are skipped, never passed.
 *
 * RT reads its settings only from /etc/request-tracker5 (`RT_SITE_CONFIG` does not replace the Debian
 * config), so a file there applies the test settings, and only when `CANDOR_RT_PORT` is set in the
 * environment, which nothing but the server started here has.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  accessSync,
  constants,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { freePort } from '../../harness/ports.js';

const RT_SERVER = '/usr/share/request-tracker5/libexec/rt-server';
const RT_DB = '/var/lib/dbconfig-common/sqlite3/request-tracker5/rtdb';
const CONFIG_DIR = '/etc/request-tracker5/RT_SiteConfig.d';
const CONFIG_FILE = path.join(CONFIG_DIR, '99-candor-test.pm');
const ROOT = { user: 'root', password: 'password' }; // the Debian package's initial user

const CONFIG = `# Written by Candor's tests (test/helpers/rt.ts). It changes nothing unless CANDOR_RT_PORT is set,
# which only the RT server those tests start has.
if ($ENV{CANDOR_RT_PORT}) {
    Set($WebPath, '');
    Set($WebDomain, $ENV{CANDOR_RT_DOMAIN});
    Set($WebPort, $ENV{CANDOR_RT_PORT});
    Set($WebBaseURL, "http://$ENV{CANDOR_RT_DOMAIN}:$ENV{CANDOR_RT_PORT}");
    Set($DatabaseName, $ENV{CANDOR_RT_DB});
    Set($LogToSTDERR, 'warning');
}
1;
`;

/** Why a real RT cannot run here, or null when it can. */
export function rtMissing(): string | null {
  if (!existsSync(RT_SERVER) || !existsSync(RT_DB))
    return 'Request Tracker is not installed (apt-get install request-tracker5 rt5-db-sqlite rt5-standalone)';
  try {
    accessSync(CONFIG_DIR, constants.W_OK);
    accessSync(RT_DB, constants.R_OK);
  } catch {
    return `cannot write ${CONFIG_DIR} or read RT's database (run as root)`;
  }
  return null;
}

/**
 * RT as installed grants nobody outside staff any right; an RT that takes customer mail lets
 * "Everyone" create tickets and reply to them in its queue. Granted in this copy only.
 */
function allowCustomerMail(db: string) {
  const rt = new Database(db);
  const everyone = (
    rt.prepare("SELECT id FROM Groups WHERE Domain = 'SystemInternal' AND Name = 'Everyone'").get() as { id: number }
  ).id;
  const queue = (rt.prepare("SELECT id FROM Queues WHERE Name = 'General'").get() as { id: number }).id;
  const grant = rt.prepare(
    'INSERT INTO ACL (PrincipalType, PrincipalId, RightName, ObjectType, ' +
      'ObjectId, Creator, Created, LastUpdatedBy, LastUpdated) VALUES ' +
      "('Group', ?, ?, 'RT::Queue', ?, 1, datetime('now'), 1, " +
      "datetime('now'))",
  );
  for (const right of ['CreateTicket', 'ReplyToTicket']) grant.run(everyone, right, queue);
  rt.close();
}

async function waitUntilAnswering(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`RT exited with ${child.exitCode}:\n${log()}`);
    const res = await fetch(`${url}/NoAuth/Login.html`).catch(() => null);
    if (res?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`RT did not answer at ${url} within 60 s:\n${log()}`);
}

export interface RtTransaction {
  id: number;
  Type: string;
}

/**
 * Starts RT. `domain` is the host name the browser uses (RT redirects to it): 127.0.0.1, or a name
 * the browser maps to loopback with `--host-resolver-rules`.
 */
export async function startRt({ domain = '127.0.0.1' } = {}) {
  const why = rtMissing();
  if (why) throw new Error(why);
  if (!existsSync(CONFIG_FILE) || readFileSync(CONFIG_FILE, 'utf8') !== CONFIG) writeFileSync(CONFIG_FILE, CONFIG);
  const dir = mkdtempSync(path.join(tmpdir(), 'candor-rt-'));
  const db = path.join(dir, 'rtdb');
  copyFileSync(RT_DB, db);
  allowCustomerMail(db);

  const port = await freePort();
  let output = '';
  // Its own process group: rt-server forks workers, and stopping it must stop them all.
  const child = spawn(RT_SERVER, ['--port', String(port)], {
    cwd: dir,
    detached: true,
    env: { ...process.env, CANDOR_RT_PORT: String(port), CANDOR_RT_DOMAIN: domain, CANDOR_RT_DB: db },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const api = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilAnswering(api, child, () => output);
  } catch (e) {
    stop();
    throw e;
  }

  const auth = `Basic ${Buffer.from(`${ROOT.user}:${ROOT.password}`).toString('base64')}`;
  // biome-ignore lint/suspicious/noExplicitAny: RT's REST answers are read field by field, as RT documents them
  async function rest(method: string, route: string, body?: unknown): Promise<any> {
    const res = await fetch(`${api}/REST/2.0${route}`, {
      method,
      headers: { authorization: auth, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`RT ${method} ${route} answered ${res.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  }

  return {
    /** What the browser opens: RT's own address for itself. */
    url: `http://${domain}:${port}`,
    port,
    user: ROOT,
    /** An RT user for a customer, as RT keeps one per requester (e-mail as the user name); updated if RT has one. */
    async createUser(realName: string, email: string) {
      await rest('POST', '/user', { Name: email, EmailAddress: email, RealName: realName }).catch((e: Error) => {
        if (!e.message.includes('Name in use')) throw e;
        return rest('PUT', `/user/${encodeURIComponent(email)}`, { RealName: realName });
      });
    },
    /** A new ticket in General with `requestor`, as staff opens one (REST 2.0); its id. */
    async createTicket(subject: string, requestor: string): Promise<number> {
      const created = await rest('POST', '/ticket', { Queue: 'General', Subject: subject, Requestor: requestor });
      return Number(created.id);
    },
    /** The customer's e-mail reaching the ticket through RT's mail gateway, as rt-mailgate delivers it. */
    async customerWrites(ticket: number, from: { name: string; email: string }, subject: string, text: string) {
      const mail = [
        `From: ${from.name} <${from.email}>`,
        'To: support@example.com',
        `Subject: ${subject}`,
        `Message-ID: <${Date.now()}.${Math.random()}@example.org>`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        text,
        '',
      ].join('\n');
      const form = new FormData();
      form.set('queue', 'General');
      form.set('action', 'correspond');
      form.set('ticket', String(ticket));
      form.set('message', mail);
      const answer = await (await fetch(`${api}/REST/1.0/NoAuth/mail-gateway`, { method: 'POST', body: form })).text();
      if (!answer.startsWith('ok'))
        throw new Error(`RT's mail gateway refused the mail: ${answer}\n${output.slice(-2000)}`);
    },
    /** A reply (`correspond`) or an internal note (`comment`) by staff, through REST 2.0. */
    staffWrites: (ticket: number, kind: 'correspond' | 'comment', text: string) =>
      rest('POST', `/ticket/${ticket}/${kind}`, { Content: text, ContentType: 'text/plain' }),
    /** The ticket's transactions, oldest first. */
    async history(ticket: number): Promise<RtTransaction[]> {
      const page = await rest('GET', `/ticket/${ticket}/history?fields=Type&per_page=100`);
      return (page.items as { id: string; Type: string }[]).map((t) => ({ id: Number(t.id), Type: t.Type }));
    },
    log: () => output,
    stop,
  };
}

export type Rt = Awaited<ReturnType<typeof startRt>>;
