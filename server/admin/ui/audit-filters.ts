/**
 * The audit page's filters. The form's fields are named as the API's query parameters, so one
 * query is both the API call and the page's own address (a view can be linked). Times are the one
 * translation: a `datetime-local` field holds the lead's local time to the minute, the query ISO UTC.
 */
const TIMES = new Set(['since', 'until']);
const MINUTE = 60_000;

/** "Until 10:05" means to the end of that minute, or entries written at 10:05:30 would be left out. */
function utc(local: string, field: string): string {
  const at = new Date(local).getTime();
  return new Date(field === 'until' ? at + MINUTE - 1 : at).toISOString();
}

/** The minute an ISO time falls in, as a `datetime-local` value in the lead's time zone. */
function local(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return new Date(at.getTime() - at.getTimezoneOffset() * MINUTE).toISOString().slice(0, 16);
}

/** The form's filters as a query: empty fields left out. */
export function queryOf(form: HTMLFormElement): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    const v = String(value).trim();
    if (v) query.set(name, TIMES.has(name) ? utc(v, name) : v);
  }
  return query;
}

/** Sets every field from a query; a filter the query lacks is emptied. */
export function fill(form: HTMLFormElement, query: URLSearchParams): void {
  for (const field of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[name], select[name]')) {
    const v = query.get(field.name) ?? '';
    field.value = TIMES.has(field.name) && v ? local(v) : v;
  }
}
