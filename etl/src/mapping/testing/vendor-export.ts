// Test support: a vendor-shaped export of a contract folder (the demo generator's, say), as a
// behavioral-health EHR would give it: its own column names and local codes, M/D/YY dates, the
// clients as a workbook with a name column (a direct identifier the profile must leave out), and
// groups and sessions only inside a denormalized group-attendance report. vendorProfile() is the
// profile that maps it back; loading through it must give the figures of the contract folder
// (except groups' capacity, and sessions nobody was on the roster of, which no such report holds).

import { readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { csvLine } from '../../demo/csv-writer';
import type { MappingProfileInput } from '../profile';

type Row = Record<string, string>;

const SEX: Row = { female: 'F', male: 'M', nonbinary: 'NB', other: 'O', unknown: 'U' };
const DRUG: Row = {
  alcohol: 'ETOH',
  opioids: 'OPI',
  stimulants: 'STIM',
  cannabis: 'THC',
  sedatives: 'BENZO',
  other: 'OTH',
};
const REASON: Row = {
  completed: 'Successful completion',
  dropped_out: 'AMA',
  terminated: 'Administrative discharge',
  transferred: 'Transferred to another provider',
  incarcerated: 'Jail',
  died: 'Deceased',
  other: 'Other',
};
const ATTENDANCE: Row = { present: 'P', absent: 'A', excused: 'E', late: 'L', left_early: 'LE' };
const GROUP_TYPE: Row = {
  psychoeducation: 'Psycho-Ed',
  skills: 'Skills Group',
  process: 'Process',
  trauma_informed: 'Seeking Safety',
  family: 'Family Program',
};

function invert(map: Row): Row {
  return Object.fromEntries(Object.entries(map).map(([code, local]) => [local, code]));
}

/** `YYYY-MM-DD` → `M/D/YY` or `M/D/YYYY`. */
function usDate(iso: string, digits: 2 | 4): string {
  if (iso === '') return '';
  const [year, month, day] = iso.split('-');
  return `${Number(month)}/${Number(day)}/${digits === 2 ? year!.slice(2) : year}`;
}

function csv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => csvLine(r)).join('\r\n') + '\r\n';
}

async function readRows(dir: string, kind: string): Promise<Row[]> {
  return parse(await readFile(path.join(dir, `${kind}.csv`), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as Row[];
}

export const VENDOR_FILES = {
  sites: 'Locations.csv',
  participants: 'Client Demographics.xlsx',
  enrollments: 'Episodes.csv',
  report: 'Group_Attendance_Report.csv',
  feedback: 'GSRS Ratings.csv',
  sobriety: 'Recovery Check-ins.csv',
} as const;

/** Writes the vendor-shaped export of the contract folder `from` into `to`; returns the file paths. */
export async function writeVendorExport(from: string, to: string): Promise<string[]> {
  await mkdir(to, { recursive: true });
  const [sites, groups, participants, enrollments, sessions, attendance, feedback, sobriety] = await Promise.all(
    ['sites', 'groups', 'participants', 'enrollments', 'sessions', 'attendance', 'feedback', 'sobriety'].map((k) =>
      readRows(from, k),
    ),
  );
  const file = (name: string): string => path.join(to, name);

  await writeFile(
    file(VENDOR_FILES.sites),
    csv(
      ['Location Code', 'Location Name'],
      sites!.map((s) => [s.site_id!, s.site_name!]),
    ),
  );

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Clients');
  sheet.addRow(['Client ID', 'Client Name', 'Year of Birth', 'Sex', 'Primary Drug', 'Dual Dx']);
  participants!.forEach((p, i) =>
    sheet.addRow([
      p.participant_id,
      `Client ${i + 1}`,
      p.birth_year === '' ? null : Number(p.birth_year),
      SEX[p.gender!] ?? '',
      DRUG[p.primary_substance!] ?? '',
      p.co_occurring === '' ? '' : p.co_occurring === 'true' ? 'Y' : 'N',
    ]),
  );
  await workbook.xlsx.writeFile(file(VENDOR_FILES.participants));

  await writeFile(
    file(VENDOR_FILES.enrollments),
    csv(
      [
        'Episode #',
        'Client ID',
        'Location Code',
        'Admit Date',
        'Discharge Date',
        'Discharge Reason',
        'Assessment Date',
        'Days Used Prior 30',
      ],
      enrollments!.map((e) => [
        e.enrollment_id!,
        e.participant_id!,
        e.site_id!,
        usDate(e.admission_date!, 2),
        usDate(e.discharge_date!, 2),
        REASON[e.discharge_reason!] ?? '',
        usDate(e.assessment_date!, 2),
        e.baseline_days_used!,
      ]),
    ),
  );

  const groupById = new Map(groups!.map((g) => [g.group_id!, g]));
  const sessionById = new Map(sessions!.map((s) => [s.session_id!, s]));
  await writeFile(
    file(VENDOR_FILES.report),
    csv(
      [
        'Client ID',
        'Service ID',
        'Group Name',
        'Group Type',
        'Modality',
        'Location Code',
        'Date of Service',
        'Start Time',
        'Duration',
        'Attendance',
        'Minutes Attended',
        'Topic',
      ],
      attendance!.map((a) => {
        const session = sessionById.get(a.session_id!)!;
        const group = groupById.get(session.group_id!)!;
        return [
          a.participant_id!,
          a.session_id!,
          group.group_name!,
          GROUP_TYPE[group.group_type!]!,
          group.modality!,
          group.site_id!,
          usDate(session.session_date!, 2),
          /morning/i.test(group.group_name!) ? '9:00 AM' : '6:00 PM',
          session.duration_minutes!,
          ATTENDANCE[a.status!]!,
          a.minutes_attended!,
          session.topic!,
        ];
      }),
    ),
  );

  await writeFile(
    file(VENDOR_FILES.feedback),
    csv(
      ['Service ID', 'Client ID', 'Relationship', 'Goals and Topics', 'Approach or Method', 'Overall'],
      feedback!.map((f) => [
        f.session_id!,
        f.participant_id!,
        f.relationship!,
        f.goals_topics!,
        f.approach!,
        f.overall!,
      ]),
    ),
  );
  await writeFile(
    file(VENDOR_FILES.sobriety),
    csv(
      ['Client ID', 'Check-in Date', 'Days Used', 'Window (days)', 'Craving (0-10)', 'Weekly Goal Met'],
      sobriety!.map((s) => [
        s.participant_id!,
        usDate(s.report_date!, 4),
        s.days_used!,
        s.window_days!,
        s.craving!,
        s.goal_met === '' ? '' : s.goal_met === 'true' ? 'Yes' : 'No',
      ]),
    ),
  );
  return Object.values(VENDOR_FILES).map(file);
}

/** The profile a director would make for this export on the mapping screen. */
export function vendorProfile(name = 'Vendor EHR export'): MappingProfileInput {
  return {
    name,
    files: [
      {
        match: { fileName: 'Locations*.csv' },
        target: 'sites',
        columns: { site_id: 'Location Code', site_name: 'Location Name' },
      },
      {
        match: { header: ['Client ID', 'Client Name', 'Year of Birth', 'Sex', 'Primary Drug', 'Dual Dx'] },
        target: 'participants',
        columns: {
          participant_id: 'Client ID',
          birth_year: 'Year of Birth',
          gender: 'Sex',
          primary_substance: 'Primary Drug',
          co_occurring: 'Dual Dx',
        },
        values: { gender: invert(SEX), primary_substance: invert(DRUG) },
      },
      {
        match: {
          header: [
            'Episode #',
            'Client ID',
            'Location Code',
            'Admit Date',
            'Discharge Date',
            'Discharge Reason',
            'Assessment Date',
            'Days Used Prior 30',
          ],
        },
        target: 'enrollments',
        columns: {
          enrollment_id: 'Episode #',
          participant_id: 'Client ID',
          site_id: 'Location Code',
          admission_date: 'Admit Date',
          discharge_date: 'Discharge Date',
          discharge_reason: 'Discharge Reason',
          assessment_date: 'Assessment Date',
          baseline_days_used: 'Days Used Prior 30',
        },
        values: { discharge_reason: invert(REASON) },
        dateFormat: 'm/d/yy',
      },
      {
        match: { fileName: 'Group_Attendance_Report*.csv' },
        target: 'group_attendance_report',
        columns: {
          participant_id: 'Client ID',
          session_id: 'Service ID',
          group_name: 'Group Name',
          group_type: 'Group Type',
          modality: 'Modality',
          site_id: 'Location Code',
          session_date: 'Date of Service',
          session_time: 'Start Time',
          duration_minutes: 'Duration',
          status: 'Attendance',
          minutes_attended: 'Minutes Attended',
          topic: 'Topic',
        },
        values: { status: invert(ATTENDANCE), group_type: invert(GROUP_TYPE) },
        dateFormat: 'm/d/yy',
      },
      {
        match: {
          header: ['Service ID', 'Client ID', 'Relationship', 'Goals and Topics', 'Approach or Method', 'Overall'],
        },
        target: 'feedback',
        columns: {
          session_id: 'Service ID',
          participant_id: 'Client ID',
          relationship: 'Relationship',
          goals_topics: 'Goals and Topics',
          approach: 'Approach or Method',
          overall: 'Overall',
        },
      },
      {
        match: { fileName: 'Recovery Check-ins*.csv' },
        target: 'sobriety',
        columns: {
          participant_id: 'Client ID',
          report_date: 'Check-in Date',
          days_used: 'Days Used',
          window_days: 'Window (days)',
          craving: 'Craving (0-10)',
          goal_met: 'Weekly Goal Met',
        },
        dateFormat: 'm/d/yyyy',
      },
    ],
  };
}
