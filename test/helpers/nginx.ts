/**
 * Debian's nginx in front of Candor servers, configured from the sample the README documents
 * (`docs/nginx-candor.conf`): only the addresses change, and the paths an unprivileged run needs.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../harness/ports.js';

export const NGINX = '/usr/sbin/nginx';
const SAMPLE = path.resolve(import.meta.dirname, '../../docs/nginx-candor.conf');

const server = (u: string) => `    server ${new URL(u).host} max_fails=1 fail_timeout=10s;`;

export async function startNginx(upstreams: string[]): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'candor-nginx-'));
  mkdirSync(path.join(dir, 'tmp'));
  const port = await freePort();
  const site = readFileSync(SAMPLE, 'utf8')
    .replace(/upstream candor \{[\s\S]*?\n\}/, `upstream candor {\n${upstreams.map(server).join('\n')}\n}`)
    .replace('listen 80;', `listen 127.0.0.1:${port};`);
  writeFileSync(path.join(dir, 'candor.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${dir}/tmp/${t};`)
    .join(' ');
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp ` +
      `{\n  access_log off;\n  ${temp}\n  include ${dir}/candor.conf;\n}\n`,
  );
  const child = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off; master_process off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${err}`);
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 100) throw new Error(`nginx did not answer: ${err}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    async stop() {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
