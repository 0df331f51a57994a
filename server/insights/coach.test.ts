import { describe, expect, it } from 'vitest';
import { coachReport, periodStart } from './coach.js';
import type { CoachTokenCounts } from '../store/types.js';

const NOW = new Date('2026-03-10T23:30:00Z');
const counts = (tokenId: string, team: string | null, flagged: number): CoachTokenCounts[] =>
  (['undisclosed_fact', 'withheld_value', 'raw_identifier'] as const).map((kind) => ({
    tokenId,
    team,
    kind,
    checks: 3,
    flagged: kind === 'undisclosed_fact' ? flagged : 0,
    followed: 0,
    ignored: 0,
  }));

describe('the coach report', () => {
  it('when a period is asked, then it starts that many server days back, today counted; all has no start', () => {
    expect(periodStart('7d', NOW)).toBe('2026-03-04');
    expect(periodStart('30d', NOW)).toBe('2026-02-09');
    expect(periodStart('all', NOW)).toBeNull();
  });

  it('when a team has agents under k and over, then only figures from k agents are shown, named teams first', () => {
    const r = coachReport(
      [...counts('t1', 'Billing', 2), ...counts('t2', 'Billing', 1), ...counts('t3', null, 5), ...counts('t4', 'A', 0)],
      { period: '7d', now: NOW, minCell: 2 },
    );
    expect(r.teams.map((t) => t.label)).toEqual(['A', 'Billing', 'No team']);
    const billing = r.teams[1]!;
    expect(billing.checks).toEqual({ value: 6 });
    expect(billing.kinds[0]!.flagged).toEqual({ value: 3 });
    expect(billing.all.flagged).toEqual({ value: 3 });
    // One agent's 5 flags, and the checks of that one agent: hidden, though 5 is not a small number.
    const none = r.teams[2]!;
    expect(none.kinds[0]!.flagged).toEqual({ value: null, suppressed: true });
    expect(none.checks).toEqual({ value: null, suppressed: true });
    expect(r.teams[0]!.all.flagged).toEqual({ value: 0 });
  });
});
