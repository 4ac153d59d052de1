import { FILE_KINDS } from './file-kinds';
import { CONTRACT_IDENTIFIER_COLUMNS, compactColumnName, directIdentifierOf } from './identifiers';
import { columnsOf } from './rules';

test.each(CONTRACT_IDENTIFIER_COLUMNS)('the contract identifier %s is recognised as written', (column) => {
  expect(directIdentifierOf(column)).toBe(column);
});

test.each([
  ['First Name', 'first_name'],
  ['first-name', 'first_name'],
  ['FirstName', 'first_name'],
  ['FIRST_NAME', 'first_name'],
  [' Last Name ', 'last_name'],
  ['Full-Name', 'full_name'],
  ['DOB', 'dob'],
  ['D.O.B.', 'dob'],
  ['Date of Birth', 'date_of_birth'],
  ['DateOfBirth', 'date_of_birth'],
  ['birthdate', 'birth_date'],
  ['SSN', 'ssn'],
  ['Phone Number', 'phone_number'],
  ['E-mail', 'email'],
  ['Email Address', 'email_address'],
  ['Street Address', 'street_address'],
  ['Address Line 1', 'address_line_1'],
  ['ZIP Code', 'zip_code'],
  ['zipcode', 'zip_code'],
  ['Postal Code', 'postal_code'],
  ['Patient Name', 'patient_name'],
  ['Social Security Number', 'social_security_number'],
  ['site_name', null],
  ['group_name', null],
  ['birth_year', null],
  ['zone', null],
  ['notes', null],
  ['names_count', null],
])('directIdentifierOf(%j) is %s', (header, identifier) => {
  expect(directIdentifierOf(header)).toBe(identifier);
});

// Guards the variant list: a contract column must never be taken for an identifier.
test.each(FILE_KINDS)('no %s column is taken for an identifier', (kind) => {
  expect(columnsOf(kind).filter((column) => directIdentifierOf(column) !== null)).toEqual([]);
});

test('compactColumnName keeps only letters and digits, in lower case', () => {
  expect(compactColumnName(' Address Line-1 ')).toBe('addressline1');
});
