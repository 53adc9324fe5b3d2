/** English month names and date fragments, shared by the readers of figures (the gate's and the chat's). */
export const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** A month name (or its abbreviation, with an optional dot) captured in the named group `group`. */
export const monthNamePattern = (group: string) =>
  `(?<${group}>${Object.keys(MONTHS).join('|')})\\.?(?!\\p{L})`;
/** `1st`, `2nd`, … or a bare day number, not followed by more letters or digits. */
export const DAY_SUFFIX = '(?:st|nd|rd|th)?(?![\\p{L}\\d])';
/** `, 2026` or ` 2026` after a day, captured in the group `year`. */
export const OPTIONAL_YEAR = '(?:,?\\s+(?<year>\\d{4})(?!\\d))?';
