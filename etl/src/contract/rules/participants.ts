import { parseBoolean, parseInteger } from '../values';
import { GENDERS, type Gender, SUBSTANCES, type Substance } from '../vocabularies';
import { key, optional, required } from './columns';
import type { ColumnParser, KindRules } from './types';

export type ParticipantRow = {
  participant_id: string;
  birth_year: number | null;
  gender: Gender | null;
  primary_substance: Substance | null;
  co_occurring: boolean | null;
};

export const EARLIEST_BIRTH_YEAR = 1900;

/** The upper bound moves with the calendar, so it comes from the environment, not a constant. */
const birthYear: ColumnParser<number> = (field, environment) =>
  parseInteger(field, EARLIEST_BIRTH_YEAR, environment.currentYear);

export const PARTICIPANT_RULES: KindRules<ParticipantRow> = {
  columns: {
    participant_id: required(key),
    birth_year: optional(birthYear),
    gender: optional(GENDERS.parse),
    primary_substance: optional(SUBSTANCES.parse),
    co_occurring: optional(parseBoolean),
  },
};
