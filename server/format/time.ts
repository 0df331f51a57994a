/**
 * The one way Candor writes a time for people, on `Intl.DateTimeFormat`: "1 March 2026",
 * "1 March 2026 at 14:02" (the time also when it is today: "14:02"), in the viewer's locale and time zone.
 * It imports nothing, so the panel, the lead's pages, the server and the /demo desk all run this very code.
 * Where the viewer's time zone is not known (a page rendered on the server, a mail,
 * a suggestion's footnote) the caller passes `timeZone: 'UTC'`, and a time then says "UTC".
 */
export type TimeStyle = 'date' | 'dateTime' | 'time' | 'month';

export interface Viewer {
  /** BCP 47 locale(s); the runtime's own (the browser's language) when absent. */
  locale?: string | readonly string[] | undefined;
  /** IANA time zone; the runtime's own (the viewer's, in a browser) when absent. */
  timeZone?: string | undefined;
}

const PARTS: Record<TimeStyle, Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  dateTime: { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' },
  time: { hour: 'numeric', minute: '2-digit' },
  month: { month: 'long', year: 'numeric' },
};

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(style: TimeStyle, viewer: Viewer): Intl.DateTimeFormat {
  const locales = viewer.locale === undefined ? undefined : ([] as string[]).concat(viewer.locale);
  const key = `${style}|${locales?.join(',') ?? ''}|${viewer.timeZone ?? ''}`;
  let f = formats.get(key);
  if (!f) {
    // A time of day in a zone the viewer did not choose names the zone ("14:02 UTC"); a day or a month does not.
    const clock = style === 'dateTime' || style === 'time';
    const zone = viewer.timeZone && clock ? { timeZoneName: 'short' as const } : {};
    f = new Intl.DateTimeFormat(locales, { ...PARTS[style], ...zone, timeZone: viewer.timeZone });
    formats.set(key, f);
  }
  return f;
}

/** A time as people read it. */
export function formatTime(t: string | number | Date, style: TimeStyle = 'dateTime', viewer: Viewer = {}): string {
  return formatter(style, viewer).format(new Date(t));
}

/** "14:02" when `t` falls on the same day as `now` for this viewer; the date and time otherwise. */
export function formatRecent(t: string | number | Date, now: string | number | Date = Date.now(), viewer: Viewer = {}) {
  const sameDay = formatTime(t, 'date', viewer) === formatTime(now, 'date', viewer);
  return formatTime(t, sameDay ? 'time' : 'dateTime', viewer);
}

/**
 * The first of the `Accept-Language` header's languages this runtime can format for, or `fallback`: a server
 * page's locale, since the server does not know the viewer's.
 */
export function localeFrom(acceptLanguage: string | undefined, fallback = 'en-GB'): string {
  const asked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0 };
    })
    .filter((l) => l.tag && l.tag !== '*' && l.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of asked) {
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // Not a well-formed language tag: the next one, or the fallback.
    }
  }
  return fallback;
}
