import { registerEnumType } from '@nestjs/graphql';
import { GROUP_TYPE_CODES, type GroupTypeCode } from '@iop/metrics';

/** The group types of docs/DATA_CONTRACT.md (metrics' vocabulary); GraphQL values equal the stored codes. */
export type GroupType = GroupTypeCode;
export const GroupType = Object.fromEntries(GROUP_TYPE_CODES.map((code) => [code, code])) as {
  readonly [Code in GroupTypeCode]: Code;
};

export const GROUP_TYPES: GroupType[] = [...GROUP_TYPE_CODES];

registerEnumType(GroupType, { name: 'GroupType', description: 'Therapy group type' });
