// A source date in the profile's format → the contract's ISO `YYYY-MM-DD`, or null when the text
// is not a date in that format. Calendar checks (2025-02-30) are left to the contract's date rule,
// which says so in its own words; this only reorders the parts.

import type { DateFormat } from './profile';

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system as it counts (it takes 1900 for a leap year). */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** A two-digit year up to this is 20YY, above it 19YY: treatment records are recent, births are not dates here. */
const TWO_DIGIT_PIVOT = 69;

const PATTERNS: Record<Exclude<DateFormat, 'serial'>, RegExp> = {
  iso: /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  'm/d/yyyy': /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/,
  'm/d/yy': /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/,
  'd.m.yyyy': /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/,
};

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A spreadsheet time of day after the date ("3/4/25 0:00", "2025-03-04 00:00:00") is dropped only at midnight. */
function withoutMidnight(text: string): string {
  return text.replace(/[ T]0?0:00(:00(\.0+)?)?$/, '');
}

export function toIsoDate(raw: string, format: DateFormat): string | null {
  const text = withoutMidnight(raw.trim());
  if (text === '') return '';
  // A workbook's date cell arrives as ISO whatever the profile says the file's text dates are.
  const asIso = PATTERNS.iso.exec(text);
  if (asIso) return iso(Number(asIso[1]), Number(asIso[2]), Number(asIso[3]));
  switch (format) {
    case 'iso':
      return null;
    case 'serial': {
      if (!/^\d{1,6}(\.0+)?$/.test(text)) return null;
      return new Date(SERIAL_EPOCH_MS + Number(text) * DAY_MS).toISOString().slice(0, 10);
    }
    case 'm/d/yyyy':
    case 'm/d/yy': {
      const m = PATTERNS[format].exec(text);
      if (!m) return null;
      const year = Number(m[3]);
      const fullYear = format === 'm/d/yy' ? (year <= TWO_DIGIT_PIVOT ? 2000 + year : 1900 + year) : year;
      return iso(fullYear, Number(m[1]), Number(m[2]));
    }
    case 'd.m.yyyy': {
      const m = PATTERNS[format].exec(text);
      return m ? iso(Number(m[3]), Number(m[2]), Number(m[1])) : null;
    }
  }
}

/** The formats the values seen could be in, most specific first (for suggestions). */
export function dateFormatsFitting(samples: readonly string[]): DateFormat[] {
  const filled = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (filled.length === 0) return [];
  const formats: DateFormat[] = ['m/d/yy', 'm/d/yyyy', 'd.m.yyyy', 'iso', 'serial'];
  return formats.filter((format) =>
    filled.every((sample) => {
      if (format !== 'iso' && PATTERNS.iso.test(withoutMidnight(sample))) return false;
      return toIsoDate(sample, format) !== null;
    }),
  );
}
