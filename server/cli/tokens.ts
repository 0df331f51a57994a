/**
 * `candor tokens create --role agent|lead|admin|privacy --name NAME [--team TEAM]` and `candor tokens list`: token
 * administration from the server's machine. A team groups agents' tokens for the reply coach's figures.
 */
import { parseArgs } from 'node:util';
import { parseConfig } from '../config.js';
import { Role, TeamName } from '../protocol/domain.js';
import { openStore } from '../store/index.js';
import { UsageError, type Io } from './io.js';

export async function tokensCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' }, team: { type: 'string' } },
  });
  const [action] = positionals;
  if (action !== 'create' && action !== 'list') throw new UsageError('expected "tokens create" or "tokens list"');
  const store = await openStore(parseConfig());
  try {
    if (action === 'list') {
      for (const t of await store.tokens.list())
        io.out(
          `${t.id}  ${t.role.padEnd(7)}  ${t.name}  ${t.team ? `team ${t.team}` : 'no team'}` +
            (t.revokedAt ? `  (revoked ${t.revokedAt})` : ''),
        );
      return 0;
    }
    const role = Role.safeParse(values.role);
    if (!role.success) throw new UsageError('--role must be agent, lead, admin or privacy');
    if (!values.name) throw new UsageError('--name is required');
    const team = values.team === undefined ? null : TeamName.safeParse(values.team);
    if (team && !team.success) throw new UsageError(`--team: ${team.error.issues[0]!.message}`);
    const { record, token } = await store.tokens.create(
      values.name,
      role.data,
      { actor: 'cli', channel: 'cli' },
      team?.data ?? null,
    );
    io.out(`${record.id} (${record.role}, ${record.name}${record.team ? `, team ${record.team}` : ''}): ${token}`);
    io.err('The token is shown once; only its hash is stored.');
    return 0;
  } finally {
    await store.close();
  }
}
