// Direct identifiers (names, birth dates, SSNs, phone numbers, emails, addresses) are refused at the
// door: a file with such a column is refused whole, before any row is read.
//
// The contract refuses columns "named like" a direct identifier, so a header is compared with
// spacing, hyphens, underscores and case removed: "First Name", "first-name", "FirstName" and
// "FIRST_NAME" are all first_name. A missed identifier leaks health-record data into the dashboard;
// a false alarm costs one renamed column. So a few obvious variants the contract does not spell
// out are refused too; they are listed here, and no contract column compacts to any of them
// (a test checks that).

/** The identifier columns the contract names. */
export const CONTRACT_IDENTIFIER_COLUMNS = [
  'name',
  'first_name',
  'last_name',
  'full_name',
  'dob',
  'date_of_birth',
  'birth_date',
  'ssn',
  'phone',
  'email',
  'address',
  'street',
  'zip',
  'postal_code',
] as const;

/** Obvious variants of the same identifiers, refused for the same reason. */
export const VARIANT_IDENTIFIER_COLUMNS = [
  'middle_name',
  'surname',
  'given_name',
  'family_name',
  'maiden_name',
  'preferred_name',
  'client_name',
  'participant_name',
  'patient_name',
  'social_security_number',
  'phone_number',
  'mobile',
  'mobile_phone',
  'cell_phone',
  'home_phone',
  'email_address',
  'street_address',
  'home_address',
  'mailing_address',
  'address_1',
  'address_2',
  'address_line_1',
  'address_line_2',
  'zip_code',
  'postcode',
] as const;

// Compiled once; the header is checked once per file but this keeps the rule in one place.
const NOT_LETTER_OR_DIGIT = /[^a-z0-9]+/g;

/** Lower case with everything but letters and digits removed: the form identifiers are compared in. */
export function compactColumnName(name: string): string {
  return name.toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
}

const IDENTIFIER_BY_COMPACT_NAME: ReadonlyMap<string, string> = new Map(
  [...CONTRACT_IDENTIFIER_COLUMNS, ...VARIANT_IDENTIFIER_COLUMNS].map((column) => [compactColumnName(column), column]),
);

/** The identifier a header names (e.g. "first_name" for "First Name"), or null when it names none. */
export function directIdentifierOf(headerName: string): string | null {
  return IDENTIFIER_BY_COMPACT_NAME.get(compactColumnName(headerName)) ?? null;
}
