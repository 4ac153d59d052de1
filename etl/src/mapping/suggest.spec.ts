import { findFileMapping, headerSignature } from './match';
import { parseProfile } from './profile';
import { suggestColumns, suggestFileMapping, suggestTarget, suggestedCode } from './suggest';
import { vendorProfile } from './testing/vendor-export';

// Headers as EHR report builders write them (CareLogic, Kipu and BestNotes style).
const attendanceReport = [
  { name: 'Client ID', samples: ['100234', '100871'] },
  { name: 'Client Name', samples: ['Jane Doe'] },
  { name: 'Group Name', samples: ['DBT Skills - Tue PM', 'Relapse Prevention'] },
  { name: 'Group Type', samples: ['Skills Group', 'Psycho-Ed'] },
  { name: 'Location', samples: ['Riverside'] },
  { name: 'Date of Service', samples: ['3/4/25', '3/11/25'] },
  { name: 'Start Time', samples: ['6:00 PM'] },
  { name: 'Attendance', samples: ['P', 'A', 'E', 'L'] },
  { name: 'Minutes', samples: ['90', '0'] },
];

describe('suggestions for an unknown file', () => {
  it('tells a plain attendance file from a report by the columns it holds', () => {
    const plain = [
      { name: 'Service ID', samples: ['EV1'] },
      { name: 'Client ID', samples: ['C1'] },
      { name: 'Attendance', samples: ['P', 'A'] },
    ];
    expect(suggestTarget(plain, 'Group_Attendance_Report.csv')).toBe('attendance');
    expect(suggestTarget([...plain, ...attendanceReport.slice(2)], 'Group_Attendance_Report.csv')).toBe(
      'group_attendance_report',
    );
    expect(
      suggestTarget(
        [
          { name: 'Location Code', samples: ['S1'] },
          { name: 'Location Name', samples: ['North'] },
        ],
        'Locations.csv',
      ),
    ).toBe('sites');
  });

  it('sees a denormalized attendance report and maps its columns by name and values', () => {
    expect(suggestTarget(attendanceReport, 'Group Attendance 2025-03.csv')).toBe('group_attendance_report');
    expect(
      Object.fromEntries(suggestColumns('group_attendance_report', attendanceReport).map((s) => [s.source, s.target])),
    ).toEqual({
      'Client ID': 'participant_id',
      'Client Name': null,
      'Group Name': 'group_name',
      'Group Type': 'group_type',
      Location: 'site_name',
      'Date of Service': 'session_date',
      'Start Time': 'session_time',
      Attendance: 'status',
      Minutes: 'minutes_attended',
    });
  });

  it('never suggests a direct identifier, and says which it is', () => {
    const name = suggestColumns('group_attendance_report', attendanceReport).find((s) => s.source === 'Client Name');
    expect(name).toEqual({ source: 'Client Name', target: null, identifier: 'client_name' });
  });

  it('takes a column of P/A/E codes under any name for the attendance status', () => {
    const columns = [
      { name: 'Episode', samples: ['E1'] },
      { name: 'Event', samples: ['EV1'] },
      { name: 'Code', samples: ['P', 'A', 'E', 'X'] },
    ];
    expect(suggestColumns('attendance', columns).find((s) => s.source === 'Code')?.target).toBe('status');
  });

  it('suggests value maps for local codes and the date format seen', () => {
    const mapping = suggestFileMapping('Group Attendance.csv', attendanceReport);
    expect(mapping.values).toEqual({
      status: { P: 'present', A: 'absent', E: 'excused', L: 'late' },
      group_type: { 'Skills Group': 'skills', 'Psycho-Ed': 'psychoeducation' },
    });
    expect(mapping.dateFormat).toBe('m/d/yy');
    expect(mapping.match.header).toEqual(attendanceReport.map((c) => c.name));
  });

  it.each([
    ['status', 'No Show', 'absent'],
    ['status', 'Left Early', 'left_early'],
    ['discharge_reason', 'AMA', 'dropped_out'],
    ['discharge_reason', 'Successful Completion', 'completed'],
    ['discharge_reason', '3', 'terminated'],
    ['group_type', 'Seeking Safety (trauma)', 'trauma_informed'],
    ['group_type', 'Family Program', 'family'],
    ['gender', 'F', 'female'],
    ['primary_substance', 'ETOH', 'alcohol'],
    ['primary_substance', 'Benzos', null],
    ['status', 'Maybe', null],
  ])('reads %s "%s" as %s', (column, value, code) => {
    expect(suggestedCode(column, value)).toBe(code);
  });
});

describe('matching files to a profile', () => {
  const profile = parseProfile(vendorProfile());

  it('matches by header signature in any order and case, or by file name pattern', () => {
    const header = [
      'Days Used Prior 30',
      'episode #',
      'Client ID',
      'Location Code',
      'Admit Date',
      'Discharge Date',
      'Discharge Reason',
      'Assessment Date',
    ];
    expect(findFileMapping(profile, 'export-42.csv', header)?.mapping.target).toBe('enrollments');
    expect(findFileMapping(profile, 'Group_Attendance_Report_2026-11.csv', ['x'])?.mapping.target).toBe(
      'group_attendance_report',
    );
    expect(findFileMapping(profile, 'episodes.csv', ['Episode #', 'Client ID'])).toBeNull();
    expect(headerSignature([' B', 'a', ''])).toBe('a|b');
  });
});
