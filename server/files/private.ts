/**
 * Customer data on disk is readable by the server's own user alone: folders 0700, files 0600,
 * whatever the process's umask (DESIGN.md, reliability and security rules).
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';

export function ownerOnlyDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Creates the file empty if it is missing; either way it ends up 0600. */
export function ownerOnlyFile(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}
