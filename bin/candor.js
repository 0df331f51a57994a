#!/usr/bin/env node
// `candor <command>`. In a checkout with its development tools, the TypeScript source runs
// directly (tsx compiles on load, so there is no build to forget); on a production install
// (`npm ci --omit=dev`), the compiled build does (`npm run build`).
const tsx = await import('tsx/esm/api').catch(() => null);
if (tsx) {
  tsx.register();
  await import('../server/cli/main.ts');
} else {
  await import('../dist/server/cli/main.js').catch((e) => {
    if (e.code !== 'ERR_MODULE_NOT_FOUND') throw e;
    process.stderr.write('candor: the server is not built yet: run `npm run build` first\n');
    process.exit(1);
  });
}
