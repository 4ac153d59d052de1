import { GROUP_TYPES, type GroupType, MODALITIES, type Modality } from '../vocabularies';
import { integer, key, optional, required, text } from './columns';
import type { KindRules } from './types';

/** A standing therapy group, e.g. "Tuesday evening DBT skills". */
export type GroupRow = {
  group_id: string;
  site_id: string;
  group_type: GroupType;
  group_name: string;
  modality: Modality | null;
  capacity: number | null;
};

export const GROUP_RULES: KindRules<GroupRow> = {
  columns: {
    group_id: required(key),
    site_id: required(key),
    group_type: required(GROUP_TYPES.parse),
    group_name: required(text(1, 200)),
    modality: optional(MODALITIES.parse),
    capacity: optional(integer(1, 30)),
  },
};
