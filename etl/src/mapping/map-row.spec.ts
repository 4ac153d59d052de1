import { MappingHeaderError, NOT_A_DATE, UNKNOWN_CODE, createRowMapper } from './map-row';
import { fileMappingSchema } from './profile';

const enrollments = fileMappingSchema.parse({
  match: { fileName: 'Episodes*.csv' },
  target: 'enrollments',
  columns: {
    enrollment_id: 'Episode #',
    participant_id: 'Client ID',
    admission_date: 'Admit Date',
    discharge_date: 'Discharge Date',
    discharge_reason: 'Discharge Reason',
  },
  constants: { site_id: 'S01' },
  values: { discharge_reason: { AMA: 'dropped_out', 'Successful completion': 'completed' } },
  dateFormat: 'm/d/yy',
});
const header = ['Episode #', 'client id ', 'Admit Date', 'Discharge Date', 'Discharge Reason', 'Client Name'];

describe('createRowMapper', () => {
  const mapper = createRowMapper(enrollments, header);

  it('fills the contract columns in the contract order, with constants', () => {
    expect(mapper.columns).toEqual([
      'enrollment_id',
      'participant_id',
      'site_id',
      'admission_date',
      'discharge_date',
      'discharge_reason',
    ]);
  });

  it('maps local codes (any case) and dates, and passes contract codes and TEDS codes through', () => {
    expect(mapper.map(['E1', 'C1', '3/4/25', '5/30/25', 'ama', 'Jane Doe'])).toEqual({
      ok: true,
      values: {
        enrollment_id: 'E1',
        participant_id: 'C1',
        site_id: 'S01',
        admission_date: '2025-03-04',
        discharge_date: '2025-05-30',
        discharge_reason: 'dropped_out',
      },
    });
    const teds = mapper.map(['E1', 'C1', '3/4/25', '5/30/25', '4', '']);
    expect(teds.ok && teds.values.discharge_reason).toBe('4');
    const open = mapper.map(['E1', 'C1', '3/4/25', '', '', '']);
    expect(open.ok && open.values.discharge_date).toBe('');
  });

  it('names the source column, the value and the reason of what it cannot map', () => {
    expect(mapper.map(['E1', 'C1', '2025/03/04', '5/30/25', 'Moved away', ''])).toEqual({
      ok: false,
      problems: [
        {
          column: 'Admit Date',
          value: '2025/03/04',
          reason: NOT_A_DATE,
          detail: 'Admit Date → admission_date, read as m/d/yy',
        },
        {
          column: 'Discharge Reason',
          value: 'Moved away',
          reason: UNKNOWN_CODE,
          detail: expect.stringContaining(
            'Discharge Reason → discharge_reason: add it to the value map (accepted: completed, dropped_out',
          ),
        },
      ],
    });
  });

  it('refuses a file that lacks a column the profile reads, or a mapping without a required column', () => {
    expect(() => createRowMapper(enrollments, ['Episode #', 'Client ID'])).toThrow(MappingHeaderError);
    expect(() => createRowMapper(enrollments, ['Episode #', 'Client ID'])).toThrow(
      '"Admit Date", "Discharge Date", "Discharge Reason"',
    );
    const noAdmission = fileMappingSchema.parse({
      ...enrollments,
      columns: { enrollment_id: 'Episode #', participant_id: 'Client ID' },
    });
    expect(() => createRowMapper(noAdmission, header)).toThrow('no source for the required column admission_date');
  });
});
