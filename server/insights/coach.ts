/**
 * The reply coach per agent team (issue 19): each token's counts added up per team and kind, each figure knowing from
 * how many agents (tokens) it came, then suppressed as the insights are (suppress.ts), so a team of fewer agents than
 * k shows no figure of one of them. No token, name or id of an agent leaves here.
 */
import { FLAG_KINDS, type CoachPeriod, type CoachReport } from '../protocol/coach.js';
import { FLAG_KIND_WORDS } from '../format/coach.js';
import type { CoachTokenCounts } from '../store/types.js';
import { suppressRow, type Tally } from './suppress.js';

const DAY = 86_400_000;
const MEASURES = ['flagged', 'followed', 'ignored'] as const;
type Row = ReturnType<typeof suppressRow>;
export const NO_TEAM = 'No team';

/** The first day a period counts (today among them), or null for all; days of the server's clock, UTC. */
export function periodStart(period: CoachPeriod, now: Date): string | null {
  if (period === 'all') return null;
  return new Date(now.getTime() - (Number.parseInt(period, 10) - 1) * DAY).toISOString().slice(0, 10);
}

/** How much, from how many agents: `pick` of the counts, over the tokens with any. */
function tally(counts: readonly CoachTokenCounts[], pick: (c: CoachTokenCounts) => number): Tally {
  const agents = new Set(counts.filter((c) => pick(c) > 0).map((c) => c.tokenId));
  return { count: counts.reduce((sum, c) => sum + pick(c), 0), people: agents.size };
}

export function coachReport(
  counts: readonly CoachTokenCounts[],
  o: { period: CoachPeriod; now: Date; minCell: number },
): CoachReport {
  const byTeam = new Map<string | null, CoachTokenCounts[]>();
  for (const c of counts) byTeam.set(c.team, [...(byTeam.get(c.team) ?? []), c]);
  const teams = [...byTeam].map(([team, rows]) => {
    // A row of suppression is one measure across the kinds, with every kind together as its total.
    const row = (m: (typeof MEASURES)[number]) =>
      suppressRow(
        {
          cells: FLAG_KINDS.map((k) => tally(rows, (c) => (c.kind === k ? c[m] : 0))),
          total: tally(rows, (c) => c[m]),
        },
        o.minCell,
      );
    const [flagged, followed, ignored] = MEASURES.map(row) as [Row, Row, Row];
    // A check counts once for every kind, so one kind's rows count each check once.
    const checks = tally(rows, (c) => (c.kind === FLAG_KINDS[0] ? c.checks : 0));
    return {
      team,
      label: team ?? NO_TEAM,
      checks: suppressRow({ cells: [checks], total: checks }, o.minCell).total,
      kinds: FLAG_KINDS.map((kind, i) => ({
        kind,
        label: FLAG_KIND_WORDS[kind],
        flagged: flagged.cells[i]!,
        followed: followed.cells[i]!,
        ignored: ignored.cells[i]!,
      })),
      all: { flagged: flagged.total, followed: followed.total, ignored: ignored.total },
    };
  });
  // Named teams by name, then the tokens without one.
  teams.sort((a, b) => (a.team === null ? 1 : b.team === null ? -1 : a.team.localeCompare(b.team)));
  return {
    period: o.period,
    from: periodStart(o.period, o.now),
    until: o.now.toISOString().slice(0, 10),
    minCell: o.minCell,
    teams,
  };
}
