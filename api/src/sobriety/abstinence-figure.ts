import { proportion } from '../episodes';
import type { AbstinenceMilestone } from './sobriety.model';

/** The counts of one milestone as stored (absent: none eligible), with both rates. */
export function abstinenceFigure(
  days: number,
  counts: { eligible: number; responders: number; abstinent: number } | undefined,
): AbstinenceMilestone {
  const [eligible, responders, abstinent] = [counts?.eligible ?? 0, counts?.responders ?? 0, counts?.abstinent ?? 0];
  return {
    days,
    eligible,
    responders,
    abstinent,
    responderRate: proportion(abstinent, responders),
    intentToTreatRate: proportion(abstinent, eligible),
  };
}
