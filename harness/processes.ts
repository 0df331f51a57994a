/** Candor as its own process (as `npm start` runs it), for tests that kill it or run several. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  out(): string;
  /** kill -9, resolved once it is gone. */
  kill(): Promise<void>;
}

/** `npm start`'s command line after `node`: what a deployment runs, flags and all. */
export function npmStartArgs(): string[] {
  const start: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start;
  const [node, ...args] = start.split(/\s+/);
  if (node !== 'node') throw new Error(`npm start runs "${start}"; only "node …" can be started here`);
  return args;
}

/**
 * Starts the built server as `npm start` runs it, with `env` on top of this process's; resolves once it prints where it
 * runs. The test suite's global setup builds it (test/helpers/build.ts); elsewhere `npm run build` does. Through tsx,
 * each start took 0.6 s more (2.2 against 1.6 s, three each). Its keys are in `<CANDOR_DATA_DIR>/keys` unless
 * `CANDOR_KEY_DIR` is given (a deployment keeps them apart; a test removes one folder).
 */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const args = npmStartArgs();
  const main = path.join(ROOT, args.find((a) => !a.startsWith('-')) ?? '');
  if (!existsSync(main)) return Promise.reject(new Error(`${main} is missing: build the server first (npm run build)`));
  const keys = env.CANDOR_DATA_DIR ? { CANDOR_KEY_DIR: path.join(env.CANDOR_DATA_DIR, 'keys') } : {};
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', CANDOR_LOG_LEVEL: 'warn', ...keys, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  };
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Candor is running at (http:\/\/\S+)/.exec(out);
      if (m && /API:/.test(out)) setTimeout(() => resolve({ child, url: m[1]!, out: () => out, kill }), 50);
    });
    child.stderr!.on('data', (d) => (out += d));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}
