// Mapping profiles: bringing a program's own exports (EHR tables, report-builder spreadsheets,
// denormalized attendance reports) into the data contract. See README.md beside this file.

export * from './profile';
export * from './targets';
export { toIsoDate, dateFormatsFitting } from './dates';
export { codesOf, mapValue } from './values';
export { createRowMapper, MappingHeaderError, type MappingProblem, UNKNOWN_CODE, NOT_A_DATE } from './map-row';
export { headerSignature, findFileMapping } from './match';
export { stableId, deriveReportRows } from './report';
export {
  suggestColumns,
  suggestTarget,
  suggestFileMapping,
  suggestedCode,
  type SourceColumn,
  type ColumnSuggestion,
} from './suggest';
export { readSource, sampleSource, SourceReadError } from './read-source';
export { applyProfile, type AppliedProfile } from './apply-profile';
export { loadWithProfile, sourceFilesOf, type ProfileLoadOptions } from './load-with-profile';
export {
  listProfiles,
  getProfile,
  saveProfile,
  deleteProfile,
  findProfileForFiles,
  type StoredProfile,
  type ProfileDatabase,
} from './profile-store';
export { previewProfile, type ProfilePreview } from './preview';
export { directIdentifierOf, fileKindOf } from '../contract';
