/**
 * Fake values that look like their kind: `Alex Morgan`, `user1@example.com`, `+44 20 7946 0001`
 * (Ofcom's range for drama), `1 Sample Street`, `192.0.2.1` (RFC 5737). Drawn from a PRNG seeded
 * with the session, so one session always gets the same fakes. A candidate that `clashes` with a
 * real value of the session is skipped: a fake must never read as someone's real data.
 */
import { createHash } from 'node:crypto';

const FIRST =
  `Alex Jordan Casey Robin Jamie Riley Quinn Avery Drew Emerson Harper Kai Logan Parker Reese Rowan Sage Skyler Toby
  Wren Ash Blake Cameron Dakota Elliot Finley Hayden Jesse Kendall Lennon Marley Noel Oakley Peyton Remy Shay Tatum
  Val`.split(/\s+/);
const LAST =
  `Morgan Reed Lane Hayes Brooks Ellis Foster Grant Hart Keller Lowe Marsh Nash Palmer Quill Rowe Shaw Tate Vance Wade
  Yates Cross Dale Fenwick Garner Holt Irwin Joyce Kemp Lister Mercer Norris Oakes Pryce Radley Sutton Thorne
  Upton`.split(/\s+/);
const PLACES =
  'Sampleton|Exampleford|Testbury|Demoville|Mockham|Placeholt|Fauxley|Dummerton|Specimen Bay|Pretendale'.split('|');

/** mulberry32: small, fast and good enough to shuffle a list. */
function prng(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** The n-th entry of a pool, then two entries joined once the pool runs out ("Alex-Jordan"). */
const nth = (pool: readonly string[], n: number) =>
  n < pool.length ? pool[n]! : `${pool[n % pool.length]}-${pool[Math.floor(n / pool.length) % pool.length]}`;

export type Fakes = ReturnType<typeof createFakes>;

export function createFakes(seed: string, clashes: (candidate: string) => boolean) {
  const rand = prng(seed);
  const first = shuffled(FIRST, rand);
  const last = shuffled(LAST, rand);
  const places = shuffled(PLACES, rand);
  const counters = new Map<string, number>();

  /** The next candidate of a series that clashes with no real value. */
  function draw(series: string, make: (n: number) => string, unlike = ''): string {
    for (;;) {
      const n = (counters.get(series) ?? 0) + 1;
      counters.set(series, n);
      const candidate = make(n);
      if (candidate.toLowerCase() !== unlike.toLowerCase() && !clashes(candidate)) return candidate;
    }
  }

  /** The same shape: digit for digit, letter for letter (case kept), everything else as it was. */
  function shaped(original: string): string {
    const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const one = (c: string) => {
      if (/\d/.test(c)) return String(Math.floor(rand() * 10));
      if (/[A-Z]/.test(c)) return upper[Math.floor(rand() * 26)]!;
      if (/[a-z]/.test(c)) return upper[Math.floor(rand() * 26)]!.toLowerCase();
      return c;
    };
    if (!/[\dA-Za-z]/.test(original)) return original; // nothing in it to change
    for (;;) {
      const candidate = [...original].map(one).join('');
      if (candidate !== original && !clashes(candidate)) return candidate;
    }
  }

  return {
    firstName: () => draw('first', (n) => nth(first, n - 1)),
    lastName: () => draw('last', (n) => nth(last, n - 1)),
    /** A one-letter initial stays one letter: "K." becomes "M.". */
    initial: (letter: string) => draw('initial', (n) => 'ABCDEFGHJKLMNPRSTVWY'[n % 20]!, letter),
    email: () => draw('email', (n) => `user${n}@example.com`),
    phone: () => draw('phone', (n) => `+44 20 7946 ${pad(n % 1000, 4)}`),
    street: () => draw('street', (n) => `${n} Sample Street`),
    place: () => draw('place', (n) => nth(places, n - 1)),
    card: () => draw('card', (n) => `4000 0000 0000 ${pad(n % 10000, 4)}`),
    ipv4: () => draw('ipv4', (n) => `192.0.2.${((n - 1) % 254) + 1}`),
    ipv6: () => draw('ipv6', (n) => `2001:db8::${n.toString(16)}`),
    dob: () => draw('dob', (n) => `${((n - 1) % 28) + 1} January ${1970 + ((n - 1) % 30)}`),
    shaped,
  };
}
