import { contractDate, referenceId } from './elements';

describe('contractDate (docs/FHIR_MAPPING.md §1)', () => {
  it('takes a date as is and a dateTime in the program time zone', () => {
    expect(contractDate('2025-04-15', 'p', 'America/Denver')).toEqual({ ok: true, value: '2025-04-15' });
    // The mapping page's own example: 23:30 at UTC-6 is the 16th in UTC, the 15th in Denver.
    expect(contractDate('2025-04-15T23:30:00-06:00', 'p', 'UTC')).toEqual({ ok: true, value: '2025-04-16' });
    expect(contractDate('2025-04-15T23:30:00-06:00', 'p', 'America/Denver')).toEqual({ ok: true, value: '2025-04-15' });
    expect(contractDate('2025-01-01T00:30:00Z', 'p', 'America/Denver')).toEqual({ ok: true, value: '2024-12-31' });
  });

  it('refuses year or month precision and a time without an offset', () => {
    expect(contractDate('2025-04', 'EpisodeOfCare.period.start', 'UTC')).toMatchObject({
      ok: false,
      problem: {
        path: 'EpisodeOfCare.period.start',
        value: '2025-04',
        reason: expect.stringMatching(/^date precision/),
      },
    });
    expect(contractDate('2025-04-15T10:00:00', 'p', 'UTC')).toMatchObject({ ok: false });
  });
});

describe('referenceId', () => {
  it('reads Type/id with or without a version, of the type wanted only', () => {
    expect(referenceId({ reference: 'Patient/P-1.a' }, 'x', 'Patient')).toEqual({ ok: true, value: 'P-1.a' });
    expect(referenceId({ reference: 'Patient/P1/_history/3' }, 'x', 'Patient')).toEqual({ ok: true, value: 'P1' });
    expect(referenceId({ reference: 'Group/P1' }, 'x', 'Patient')).toMatchObject({
      ok: false,
      problem: { path: 'x.reference' },
    });
    for (const reference of ['#p1', 'https://ehr.example/fhir/Patient/P1', undefined])
      expect(referenceId({ reference, identifier: { value: '1' } }, 'x', 'Patient')).toMatchObject({
        ok: false,
        problem: { reason: expect.stringMatching(/^unsupported reference form/) },
      });
    expect(referenceId(undefined, 'x', 'Patient')).toEqual({ ok: true, value: undefined });
  });
});
