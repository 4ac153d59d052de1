import {
  DISCHARGE_REASON_CODES as DISCHARGE_REASONS,
  OUTCOME_GROUP_TYPE_CODES,
  OUTCOME_REASON_CODES,
} from '@iop/metrics';
import { GROUP_TYPES } from '../filters';

// derived.episode_outcome_day and derived.episode_outcome_month store the primary type and the discharge reason as positions in these lists;
// a type or reason without one would be stored as NULL and counted as "no type" or "open".
describe('retention table codes', () => {
  it('cover every group type and discharge reason', () => {
    expect([...GROUP_TYPES].sort()).toEqual([...OUTCOME_GROUP_TYPE_CODES].sort());
    expect([...DISCHARGE_REASONS].sort()).toEqual([...OUTCOME_REASON_CODES].sort());
  });
});
