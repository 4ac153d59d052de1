import { registerEnumType } from '@nestjs/graphql';

/** The five group types of docs/DATA_CONTRACT.md; GraphQL values equal the stored codes. */
export enum GroupType {
  psychoeducation = 'psychoeducation',
  skills = 'skills',
  process = 'process',
  trauma_informed = 'trauma_informed',
  family = 'family',
}

export const GROUP_TYPES = Object.values(GroupType);

registerEnumType(GroupType, { name: 'GroupType', description: 'Therapy group type' });
