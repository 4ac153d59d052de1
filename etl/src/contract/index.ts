// The data contract as code: which files a load may hold, which headers are read, and how each
// record becomes a normalised row or a list of errors. Pure: no I/O, no database.

export {
  FILE_KINDS,
  type FileKind,
  KEY_COLUMNS,
  type KeyColumn,
  fileKindOf,
  isGzipFileName,
  isSpreadsheetFileName,
  unknownFileKindMessage,
} from './file-kinds';
export {
  checkHeader,
  canonicalHeaderName,
  type AcceptedHeader,
  type RefusedHeader,
  type HeaderCheck,
  type HeaderRefusal,
} from './header';
export {
  CONTRACT_IDENTIFIER_COLUMNS,
  VARIANT_IDENTIFIER_COLUMNS,
  compactColumnName,
  directIdentifierOf,
} from './identifiers';
export {
  type ParseResult,
  MAX_KEY_LENGTH,
  parseKey,
  parseText,
  parseInteger,
  parseDecimal,
  parseBoolean,
} from './values';
export { parseDate, MIN_DATE_YEAR, MAX_DATE_YEAR } from './dates';
export { createEnumParser, normaliseEnumSpelling, type EnumDefinition, type EnumParser, type EnumCode } from './enums';
export * from './vocabularies';
export {
  RULES_BY_KIND,
  columnsOf,
  requiredColumnsOf,
  type RowByKind,
  type ColumnOf,
  type SiteRow,
  type GroupRow,
  type ParticipantRow,
  type EnrollmentRow,
  type SessionRow,
  type AttendanceRow,
  type FeedbackRow,
  type SobrietyRow,
} from './rules';
export { DEFAULT_WINDOW_DAYS, MAX_WINDOW_DAYS } from './rules/sobriety';
export { EARLIEST_BIRTH_YEAR } from './rules/participants';
export type { RowEnvironment } from './rules/types';
export {
  createRowValidator,
  validateRow,
  WHOLE_ROW,
  type RowError,
  type RowResult,
  type RowValidationOptions,
  type RowValidator,
} from './rows';
export { rowKey } from './row-key';
