import { createEnumParser, normaliseEnumSpelling } from './enums';
import { ATTENDANCE_STATUSES, DISCHARGE_REASONS, GENDERS, GROUP_TYPES, MODALITIES, SUBSTANCES } from './vocabularies';

describe('group_type', () => {
  test.each([
    ['psychoeducation', 'psychoeducation'],
    ['Psychoeducation', 'psychoeducation'],
    ['psychoeducational', 'psychoeducation'],
    ['PsychoEducational', 'psychoeducation'],
    ['education', 'psychoeducation'],
    ['EDUCATION', 'psychoeducation'],
    ['skills', 'skills'],
    ['Skills-Based', 'skills'],
    ['skills based', 'skills'],
    ['Coping Skills', 'skills'],
    ['coping_skills', 'skills'],
    ['  coping   skills ', 'skills'],
    ['process', 'process'],
    ['Process Group', 'process'],
    ['PROCESS-GROUP', 'process'],
    ['trauma_informed', 'trauma_informed'],
    ['Trauma-Informed', 'trauma_informed'],
    ['trauma informed', 'trauma_informed'],
    ['TRAUMA', 'trauma_informed'],
    ['family', 'family'],
    ['Family Therapy', 'family'],
  ])('%j is %s', (raw, code) => {
    expect(GROUP_TYPES.parse(raw)).toEqual({ value: code });
  });

  test.each(['yoga', 'skill', 'family therapy group', 'psycho education'])('%j lists the accepted values', (raw) => {
    expect(GROUP_TYPES.parse(raw)).toEqual({
      error: `is not one of: psychoeducation, skills, process, trauma_informed, family`,
    });
  });
});

describe('discharge_reason', () => {
  test.each([
    ['1', 'completed'],
    ['2', 'dropped_out'],
    ['3', 'terminated'],
    ['4', 'transferred'],
    ['5', 'incarcerated'],
    ['6', 'died'],
    ['7', 'other'],
    [' 3 ', 'terminated'],
    ['Completed', 'completed'],
    ['Dropped Out', 'dropped_out'],
    ['dropped-out', 'dropped_out'],
    ['DROPPED_OUT', 'dropped_out'],
    ['INCARCERATED', 'incarcerated'],
  ])('%j is %s', (raw, code) => {
    expect(DISCHARGE_REASONS.parse(raw)).toEqual({ value: code });
  });

  test.each(['0', '8', '01', 'graduated', 'AMA'])('%j lists the accepted values and TEDS codes', (raw) => {
    expect(DISCHARGE_REASONS.parse(raw)).toEqual({
      error: `is not one of: completed, dropped_out, terminated, transferred, incarcerated, died, other (or a TEDS code 1-7)`,
    });
  });
});

describe('other enumerations', () => {
  test.each([
    [ATTENDANCE_STATUSES, 'Present', 'present'],
    [ATTENDANCE_STATUSES, 'LATE', 'late'],
    [ATTENDANCE_STATUSES, 'Left Early', 'left_early'],
    [ATTENDANCE_STATUSES, 'left-early', 'left_early'],
    [ATTENDANCE_STATUSES, 'Excused', 'excused'],
    [MODALITIES, 'DBT', 'dbt'],
    [MODALITIES, 'Twelve Step', 'twelve_step'],
    [MODALITIES, 'twelve-step', 'twelve_step'],
    [GENDERS, 'Female', 'female'],
    [GENDERS, 'Non-Binary', 'nonbinary'],
    [GENDERS, 'non binary', 'nonbinary'],
    [GENDERS, 'NONBINARY', 'nonbinary'],
    [SUBSTANCES, 'Opioids', 'opioids'],
    [SUBSTANCES, 'CANNABIS', 'cannabis'],
  ])('%#: %j', (parser, raw, code) => {
    expect(parser.parse(raw)).toEqual({ value: code });
  });

  test.each([
    [ATTENDANCE_STATUSES, 'attended', 'is not one of: present, late, left_early, absent, excused'],
    [ATTENDANCE_STATUSES, 'no-show', 'is not one of: present, late, left_early, absent, excused'],
    [MODALITIES, '12-step', 'is not one of: cbt, dbt, mindfulness, motivational, twelve_step, other'],
    [GENDERS, 'F', 'is not one of: female, male, nonbinary, other, unknown'],
    [SUBSTANCES, 'opioid', 'is not one of: alcohol, opioids, stimulants, cannabis, sedatives, other'],
    [SUBSTANCES, '', 'is empty'],
  ])('%#: refuses %j', (parser, raw, reason) => {
    expect(parser.parse(raw)).toEqual({ error: reason });
  });
});

describe('createEnumParser', () => {
  test('refuses an alias that would mean two codes', () => {
    expect(() => createEnumParser({ codes: ['a_b', 'c'], aliases: { 'A-B': 'c' } })).toThrow(
      'enum spelling "A-B" means both a_b and c',
    );
  });

  test.each([
    ['Left Early', 'left_early'],
    ['  SKILLS--based ', '_skills_based_'],
    ['a_-_b', 'a_b'],
  ])('normaliseEnumSpelling(%j)', (raw, expected) => {
    expect(normaliseEnumSpelling(raw)).toBe(expected);
  });
});
