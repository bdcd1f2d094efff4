// Calendar dates of the language (LANGUAGE.md §§ 2, 4): validity, ordering and adding years.
// Plain integer arithmetic, no `Date` object, so huge or odd inputs never produce NaN.

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

export function isValidDate(d: Ymd): boolean {
  return Number.isInteger(d.year) && d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 &&
    d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

/** Negative, zero or positive as a is before, on or after b. */
export function compareDates(a: Ymd, b: Ymd): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** N years after a date; 29 February lands on 28 February in a year without it (LANGUAGE.md § 4). */
export function addYears(d: Ymd, years: number): Ymd {
  const year = d.year + years;
  const day = d.month === 2 && d.day === 29 && !isLeapYear(year) ? 28 : d.day;
  return { year, month: d.month, day };
}

/** The day `n` days after `d` (before it, for a negative n). */
export function addDays(d: Ymd, n: number): Ymd {
  // Through the proleptic Gregorian day count: no Date object, so years 1–9999 all work.
  return fromDayNumber(dayNumber(d) + n);
}

/** The day's number in the proleptic Gregorian count (its difference to another's is the days between them). */
export function dayNumber({ year, month, day }: Ymd): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe;
}

/** The day of a `dayNumber`. */
export function fromDayNumber(z: number): Ymd {
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatIso(d: Ymd): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/** The Estonian form `05.03.2041`, as printed on a stamp. */
export function formatEstonian(d: Ymd): string {
  return `${pad(d.day, 2)}.${pad(d.month, 2)}.${pad(d.year, 4)}`;
}

/** The value of the ASCII digits read by the last `digitsFrom`. */
let digitsValue = 0;

/** Reads the ASCII digits of `text` from `i` into digitsValue; returns the index after them. */
function digitsFrom(text: string, i: number): number {
  let v = 0;
  let j = i;
  for (; j < text.length; j++) {
    const d = text.charCodeAt(j) - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
  }
  digitsValue = v;
  return j;
}

/**
 * Parses `2026-03-01` (yyyy-m-d, month and day of one or two digits) or `01.03.2026`
 * (d.m.yyyy); undefined when the text has neither shape. Validity is separate. Read digit by
 * digit (every date of every block passes here).
 */
export function parseDateText(text: string): Ymd | undefined {
  const a = digitsFrom(text, 0);
  const first = digitsValue;
  const sep = text.charCodeAt(a);
  if (a === 0 || (sep !== 45 /* - */ && sep !== 46 /* . */)) return undefined;
  const b = digitsFrom(text, a + 1);
  const second = digitsValue;
  if (b === a + 1 || b - a - 1 > 2 || text.charCodeAt(b) !== sep) return undefined;
  const c = digitsFrom(text, b + 1);
  const third = digitsValue;
  if (c !== text.length) return undefined;
  const lastDigits = c - b - 1;
  if (sep === 45) return a === 4 && lastDigits >= 1 && lastDigits <= 2 ? { year: first, month: second, day: third } : undefined;
  return a <= 2 && lastDigits === 4 ? { year: third, month: second, day: first } : undefined;
}
