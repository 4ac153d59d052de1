import type { ReleaseContent, ReleaseFigure } from './release-content';
import { groupTypeLabel } from '../report-export/report-format';

/**
 * What a correction changes, in words: the figures whose shown value or hidden state differs from
 * the previous version, named (never by how much: a difference of two releases is not released).
 */
export function describeChanges(before: ReleaseContent, after: ReleaseContent): string {
  const key = (f: ReleaseFigure) => `${f.measure}\u0000${f.groupType}`;
  const old = new Map(before.figures.filter((f) => f.period === 'current').map((f) => [key(f), f]));
  const changed = after.figures
    .filter((f) => f.period === 'current')
    .filter((f) => {
      const o = old.get(key(f));
      return !o || o.suppressed !== f.suppressed || o.value !== f.value || o.n !== f.n;
    })
    .map((f) => `${f.label} (${groupTypeLabel(f.groupType).toLowerCase()})`);
  if (!changed.length) return 'No published figure changed.';
  const shown = changed.slice(0, 12).join('; ');
  return `Figures that changed: ${shown}${changed.length > 12 ? `; and ${changed.length - 12} more` : ''}.`;
}
