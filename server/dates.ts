/** How times read to people, in one format wherever Candor writes one: "1 March 2026", "1 March 2026 at 14:02 UTC". */
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayAndTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

export const formatDay = (t: string | Date) => day.format(new Date(t));
export const formatDayAndTime = (t: string | Date) => dayAndTime.format(new Date(t));
