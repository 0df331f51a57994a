/**
 * `candor articles check DIR`: every article file checked as the server reads it, each problem as `file:line: problem`
 * (for a team's CI). `candor articles import DIR`: the valid files into the store (DATABASE_URL, else CANDOR_DATA_DIR),
 * every one that differs from the stored article. Exit 0: clean; 1: problems; 2: usage error.
 */
import { existsSync } from 'node:fs';
import { parseConfig } from '../config.js';
import { openStore } from '../store/index.js';
import { readArticleDir } from '../articles/files.js';
import { importArticleDir } from '../articles/changes.js';
import { ARTICLES_USAGE } from './usage.js';
import { UsageError, type Io } from './io.js';

export async function articlesCommand(args: string[], io: Io): Promise<number> {
  const [action, dir, ...rest] = args;
  if (action !== 'check' && action !== 'import') throw new UsageError('expected "articles check" or "articles import"');
  if (!dir || dir.startsWith('--') || rest.length) throw new UsageError(`expected one folder: ${ARTICLES_USAGE}`);
  if (!existsSync(dir)) throw new UsageError(`no such folder: ${dir}`);
  if (action === 'check') {
    const { articles, problems } = readArticleDir(dir);
    for (const p of problems) io.out(p);
    io.out(
      `${articles.length} article(s) in ${dir}: ${problems.length ? `${problems.length} problem(s)` : 'no problems'}`,
    );
    return problems.length ? 1 : 0;
  }
  const store = await openStore(parseConfig());
  try {
    // Servers running on this store show the change at a panel's next opening; the REST API reaches open panels at once.
    const done = await importArticleDir(
      { store, notifyArticles: async () => {} },
      dir,
      { actor: 'cli', channel: 'cli' },
      false,
    );
    for (const p of done.problems) io.out(p);
    io.out(
      `imported ${dir}: ${done.created.length} added, ${done.updated.length} updated` +
        (done.problems.length ? `; ${done.problems.length} file problem(s), those files left out` : ''),
    );
    return done.problems.length ? 1 : 0;
  } finally {
    await store.close();
  }
}
