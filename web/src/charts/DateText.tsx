import { formatDate } from './format';

/** A date as the app writes it, with the ISO date a machine (or a test) reads in `dateTime`. */
export function DateText({ iso }: { iso: string | null }) {
  return <time dateTime={iso ?? undefined}>{formatDate(iso)}</time>;
}
