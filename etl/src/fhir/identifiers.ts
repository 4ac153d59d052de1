// Direct identifiers in FHIR arrive per resource, not as columns: a Patient carrying any of these
// elements is refused whole (docs/FHIR_MAPPING.md §3), the analogue of the CSV loader refusing a
// file with an identifier column (../contract/identifiers.ts). Presence decides, never content, and
// the value is never echoed.

import type { Json } from './elements';

/** Patient elements that hold a direct identifier whatever they contain. */
export const PATIENT_IDENTIFIER_ELEMENTS = [
  'name',
  'telecom',
  'address',
  'photo',
  'contact',
  'identifier',
  'deceasedDateTime',
] as const;

export const DIRECT_IDENTIFIER_REASON =
  'direct identifier: a Patient with this element is refused whole (only the birth year may be sent)';

/** The first direct-identifier element of a Patient, as a FHIRPath, or null when it has none. */
export function directIdentifierElement(patient: Json): string | null {
  for (const element of PATIENT_IDENTIFIER_ELEMENTS) {
    if (patient[element] !== undefined) return `Patient.${element}`;
  }
  // A birth date finer than the year, or any extension of it (say a time of birth), identifies.
  const birthDate = patient.birthDate;
  if (birthDate !== undefined && !(typeof birthDate === 'string' && /^\d{4}$/.test(birthDate))) {
    return 'Patient.birthDate';
  }
  if (patient._birthDate !== undefined) return 'Patient.birthDate';
  return null;
}
