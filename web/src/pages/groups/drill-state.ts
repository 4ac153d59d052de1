import { isGroupType, type GroupType } from '../../filters/group-types';

/** Where the reader is in the drill-down: every group type, one type's groups, or one group's sessions. */
export interface DrillState {
  groupType: GroupType | null;
  /** Only with a group type: the group whose sessions are shown. */
  groupId: string | null;
}

const PARAM = { groupType: 'groupType', group: 'group' } as const;
const MAX_GROUP_ID_LENGTH = 64;

/** Reads the drill-down from the URL; an unknown type or a group without its type opens the top level. */
export function parseDrill(search: string): DrillState {
  const params = new URLSearchParams(search);
  const type = params.get(PARAM.groupType) ?? '';
  const groupType = isGroupType(type) ? type : null;
  const group = params.get(PARAM.group);
  const groupId = groupType && group && group.length <= MAX_GROUP_ID_LENGTH ? group : null;
  return { groupType, groupId };
}

/** The query string for a drill state, keeping the filters and any other parameter. */
export function drillSearch(search: string, state: DrillState): string {
  const params = new URLSearchParams(search);
  params.delete(PARAM.groupType);
  params.delete(PARAM.group);
  if (state.groupType) params.set(PARAM.groupType, state.groupType);
  if (state.groupType && state.groupId) params.set(PARAM.group, state.groupId);
  const text = params.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}
