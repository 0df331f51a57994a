/** `bin/candor.js` run from outside as a team runs it: arguments, text on stdin, what it printed and its exit code. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const CANDOR = path.resolve(import.meta.dirname, '../../bin/candor.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function candorWithInput(args: readonly string[], input: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CANDOR, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Each printed line as JSON. */
export const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
