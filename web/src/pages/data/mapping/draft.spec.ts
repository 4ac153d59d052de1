import {
  codedColumns,
  draftsFromProfile,
  draftFromSuggestion,
  missingColumns,
  profileDocument,
  withColumnTarget,
  withValue,
  type SourceFile,
  type TargetColumn,
} from './draft';

const report: SourceFile = {
  fileName: 'Group_Attendance_Report.csv',
  contractKind: null,
  error: null,
  columns: [
    { name: 'Client ID', samples: ['100234'], identifier: null },
    { name: 'Client Name', samples: [], identifier: 'client_name' },
    { name: 'Attendance', samples: ['P', 'A', 'NS'], identifier: null },
    { name: 'Date of Service', samples: ['3/4/25'], identifier: null },
  ],
  suggestion: JSON.stringify({
    target: 'attendance',
    columns: { participant_id: 'Client ID', status: 'Attendance' },
    values: { status: { P: 'present', A: 'absent', NS: '' } },
    dateFormat: 'm/d/yy',
  }),
};
const targets: TargetColumn[] = [
  { name: 'session_id', required: true, date: false, codes: null },
  { name: 'participant_id', required: true, date: false, codes: null },
  { name: 'status', required: true, date: false, codes: ['present', 'late', 'left_early', 'absent', 'excused'] },
  { name: 'minutes_attended', required: false, date: false, codes: null },
];

describe('the mapping draft', () => {
  const draft = draftFromSuggestion(report);

  it('starts from the suggestion, every source column listed', () => {
    expect(draft).toEqual({
      fileName: 'Group_Attendance_Report.csv',
      header: ['Client ID', 'Client Name', 'Attendance', 'Date of Service'],
      target: 'attendance',
      columns: { 'Client ID': 'participant_id', 'Client Name': '', Attendance: 'status', 'Date of Service': '' },
      values: { status: { P: 'present', A: 'absent', NS: '' } },
      dateFormat: 'm/d/yy',
    });
  });

  it('leaves a file that is already a contract file unmapped', () => {
    expect(draftFromSuggestion({ ...report, fileName: 'sites.csv', contractKind: 'sites' }).target).toBe('');
  });

  it('says which required columns are missing, and which coded columns need their values mapped', () => {
    expect(missingColumns(draft, targets)).toEqual(['session_id']);
    expect(codedColumns(draft, report.columns, targets)).toEqual([
      { source: 'Attendance', target: 'status', codes: targets[2]!.codes, values: ['P', 'A', 'NS'] },
    ]);
  });

  it('writes the profile document: target → source, unmapped codes and columns left out', () => {
    const edited = withValue(withColumnTarget(draft, 'Date of Service', 'session_id'), 'status', 'NS', 'absent');
    expect(JSON.parse(profileDocument(' Vendor ', [edited, { ...draft, fileName: 'x', target: '' }]))).toEqual({
      format: 'iop-mapping-profile',
      version: 1,
      name: 'Vendor',
      files: [
        {
          match: { header: ['Client ID', 'Client Name', 'Attendance', 'Date of Service'] },
          target: 'attendance',
          columns: { participant_id: 'Client ID', status: 'Attendance', session_id: 'Date of Service' },
          values: { status: { P: 'present', A: 'absent', NS: 'absent' } },
          dateFormat: 'm/d/yy',
        },
      ],
    });
  });

  it('moves a value map with its column, and drops it when the column is left out', () => {
    const moved = withColumnTarget(draft, 'Attendance', 'minutes_attended');
    expect(moved.values).toEqual({ minutes_attended: { P: 'present', A: 'absent', NS: '' } });
    expect(withColumnTarget(draft, 'Attendance', '').values).toEqual({});
  });
});

describe('a draft from a saved profile', () => {
  const saved = JSON.stringify({
    format: 'iop-mapping-profile',
    version: 1,
    name: 'Vendor EHR',
    files: [
      {
        match: { header: ['Location Code', 'Location Name'] },
        target: 'sites',
        columns: { site_id: 'Location Code', site_name: 'Location Name' },
      },
      {
        match: { header: ['Client ID', 'Client Name', 'Attendance', 'Date of Service'] },
        target: 'attendance',
        columns: { participant_id: 'client id', status: 'Attendance' },
        values: { status: { P: 'present', A: 'absent' } },
        dateFormat: 'm/d/yy',
      },
    ],
  });

  it('takes the mapping that reads most of the file, though the file gained a column', () => {
    const grown: SourceFile = {
      ...report,
      columns: [...report.columns, { name: 'Therapist', samples: ['Dr. A'], identifier: null }],
    };
    expect(draftsFromProfile([grown], saved).drafts[0]).toEqual({
      fileName: 'Group_Attendance_Report.csv',
      header: ['Client ID', 'Client Name', 'Attendance', 'Date of Service', 'Therapist'],
      target: 'attendance',
      columns: {
        'Client ID': 'participant_id',
        'Client Name': '',
        Attendance: 'status',
        'Date of Service': '',
        Therapist: '',
      },
      values: { status: { P: 'present', A: 'absent' } },
      dateFormat: 'm/d/yy',
    });
  });

  it('saves as the profile it came from, matched by the new header, keeping the files the upload lacks', () => {
    const { drafts, kept } = draftsFromProfile([report], saved);
    const document = JSON.parse(profileDocument('Vendor EHR', drafts, kept));
    expect(document.name).toBe('Vendor EHR');
    expect(document.files).toEqual([
      {
        match: { header: ['Client ID', 'Client Name', 'Attendance', 'Date of Service'] },
        target: 'attendance',
        columns: { participant_id: 'Client ID', status: 'Attendance' },
        values: { status: { P: 'present', A: 'absent' } },
        dateFormat: 'm/d/yy',
      },
      JSON.parse(saved).files[0],
    ]);
  });

  it('starts from the suggestion for a file the profile does not read', () => {
    const other: SourceFile = { ...report, columns: [{ name: 'Unrelated', samples: [], identifier: null }] };
    expect(draftsFromProfile([other], saved)).toEqual({
      drafts: [draftFromSuggestion(other)],
      kept: JSON.parse(saved).files,
    });
  });
});
