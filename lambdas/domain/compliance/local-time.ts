/** A moment as the customer's wall clock shows it. */
export interface WallClock {
  /** Local calendar date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly minuteOfDay: number;
  /** The wall-clock reading as milliseconds since the epoch, as if it were UTC: for local-time arithmetic. */
  readonly wallMs: number;
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/**
 * Milliseconds since the epoch of an ISO-8601 instant that carries its offset (`Z` or `±hh:mm`), or undefined:
 * a time without an offset is not an instant, and an impossible date (`2026-02-30`) is rejected rather than
 * rolled over as `Date.parse` would.
 */
export function parseInstant(iso: string): number | undefined {
  const match = ISO_INSTANT.exec(iso);
  const ms = Date.parse(iso);
  if (!match || Number.isNaN(ms)) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const isRealDate = calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
  return isRealDate ? ms : undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter for an IANA zone, or undefined when the runtime does not know the zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat | undefined {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  try {
    const formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
    return formatter;
  } catch {
    return undefined;
  }
}

export function isKnownTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== undefined;
}

/** The wall clock in `timeZone` at `epochMs` (DST-correct: the runtime's time zone data decides the offset). */
export function wallClockIn(timeZone: string, epochMs: number): WallClock | undefined {
  const formatter = formatterFor(timeZone);
  if (!formatter) return undefined;
  const part = Object.fromEntries(formatter.formatToParts(epochMs).map(({ type, value }) => [type, value]));
  const [year, month, day, hour, minute, second] = [
    part.year,
    part.month,
    part.day,
    part.hour,
    part.minute,
    part.second,
  ].map(Number) as [number, number, number, number, number, number];
  const millis = ((epochMs % 1000) + 1000) % 1000;
  return {
    date: `${part.year}-${part.month}-${part.day}`,
    minuteOfDay: hour * 60 + minute,
    wallMs: Date.UTC(year, month - 1, day, hour, minute, second, millis),
  };
}
