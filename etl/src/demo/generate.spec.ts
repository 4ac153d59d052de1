// The demo output read back with a real CSV parser and checked against every rule of
// shared/DATA_CONTRACT.md that a row can break, plus what the dashboard needs to find in it.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoData, type DemoSummary } from './generate';
import {
  ATTENDED,
  dayOf,
  defaultAsOf,
  earlyWarnings,
  episodesOf,
  FILE_KINDS,
  readDemoOutput,
  type DemoOutput,
  type Row,
} from './testing/demo-output';

// Written out from the contract rather than imported, so a drift in the generator's vocabulary fails here.
const CONTRACT_COLUMNS: Record<string, string[]> = {
  sites: ['site_id', 'site_name'],
  groups: ['group_id', 'site_id', 'group_type', 'group_name', 'modality', 'capacity'],
  participants: ['participant_id', 'birth_year', 'gender', 'primary_substance', 'co_occurring'],
  enrollments: [
    'enrollment_id',
    'participant_id',
    'site_id',
    'admission_date',
    'discharge_date',
    'discharge_reason',
    'assessment_date',
    'baseline_days_used',
  ],
  sessions: ['session_id', 'group_id', 'session_date', 'duration_minutes', 'topic'],
  attendance: ['session_id', 'participant_id', 'status', 'minutes_attended'],
  feedback: ['session_id', 'participant_id', 'relationship', 'goals_topics', 'approach', 'overall'],
  sobriety: ['participant_id', 'report_date', 'days_used', 'window_days', 'craving', 'goal_met'],
};
const IDENTIFIER_COLUMNS = [
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
];
const GROUP_TYPES = ['psychoeducation', 'skills', 'process', 'trauma_informed', 'family'];
const REASONS = ['completed', 'dropped_out', 'terminated', 'transferred', 'incarcerated', 'died', 'other'];
const BOOLEAN = /^(true|false|yes|no|y|n|1|0)$/i;
const RATING = /^(10(\.0)?|\d(\.\d)?)$/;

const isInteger = (text: string, min: number, max: number): boolean =>
  /^-?\d+$/.test(text) && Number(text) >= min && Number(text) <= max;
const optional = (text: string, check: (value: string) => boolean): boolean => text === '' || check(text);

function expectUnique(rows: readonly Row[], key: (row: Row) => string): void {
  const seen = new Set<string>();
  const duplicates = rows.map(key).filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
  expect(duplicates).toEqual([]);
}

function failures<T>(items: readonly T[], isValid: (item: T) => boolean): T[] {
  return items.filter((item) => !isValid(item)).slice(0, 5);
}

describe('generateDemoData', () => {
  let root: string;
  let summary: DemoSummary;
  let output: DemoOutput;
  const END = '2026-10-31';

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'demo-data-'));
    summary = await generateDemoData({ outDir: join(root, 'a'), participants: 300, seed: 7, endDate: END });
    output = await readDemoOutput(join(root, 'a'));
  }, 30_000);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  describe('files and headers', () => {
    it('writes the eight files with exactly the contract columns and no identifier column', () => {
      for (const kind of FILE_KINDS) {
        expect({ kind, header: [...output.headers[kind]].sort() }).toEqual({
          kind,
          header: [...CONTRACT_COLUMNS[kind]].sort(),
        });
        expect(output.headers[kind].filter((column) => IDENTIFIER_COLUMNS.includes(column.toLowerCase()))).toEqual([]);
      }
    });

    it('reports the number of data rows of each file', () => {
      for (const kind of FILE_KINDS)
        expect({ kind, rows: summary.rows[kind] }).toEqual({ kind, rows: output.rows[kind].length });
      expect(summary.participants).toBe(300);
      expect(summary.startDate).toBe('2025-11-01');
      expect(summary.endDate).toBe(END);
    });

    it('quotes text holding commas and quotes so that it parses back whole', () => {
      expect(output.rows.sites.map((row) => row.site_name)).toContain('Lakeview "New Directions" IOP');
      expect(output.text.sites).toContain('"Lakeview ""New Directions"" IOP"');
      expect(output.rows.groups.some((row) => row.group_name.includes(','))).toBe(true);
      expect(output.rows.sessions.some((row) => row.topic.includes(','))).toBe(true);
    });
  });

  describe('keys and references', () => {
    it('has unique keys in every file', () => {
      expectUnique(output.rows.sites, (row) => row.site_id);
      expectUnique(output.rows.groups, (row) => row.group_id);
      expectUnique(output.rows.participants, (row) => row.participant_id);
      expectUnique(output.rows.enrollments, (row) => row.enrollment_id);
      expectUnique(output.rows.sessions, (row) => row.session_id);
      expectUnique(output.rows.attendance, (row) => `${row.session_id}|${row.participant_id}`);
      expectUnique(output.rows.feedback, (row) => `${row.session_id}|${row.participant_id}`);
      expectUnique(output.rows.sobriety, (row) => `${row.participant_id}|${row.report_date}`);
    });

    it('uses keys of 1-64 printable characters and participant ids without personal data', () => {
      const keys = [
        ...output.rows.sites.map((row) => row.site_id),
        ...output.rows.groups.map((row) => row.group_id),
        ...output.rows.enrollments.map((row) => row.enrollment_id),
        ...output.rows.sessions.map((row) => row.session_id),
      ];
      expect(failures(keys, (key) => /^[\x21-\x7e]{1,64}$/.test(key))).toEqual([]);
      expect(failures(output.rows.participants, (row) => /^P\d{6}$/.test(row.participant_id))).toEqual([]);
    });

    it('references only keys that exist', () => {
      const sites = new Set(output.rows.sites.map((row) => row.site_id));
      const groups = new Set(output.rows.groups.map((row) => row.group_id));
      const participants = new Set(output.rows.participants.map((row) => row.participant_id));
      const sessions = new Set(output.rows.sessions.map((row) => row.session_id));
      expect(failures(output.rows.groups, (row) => sites.has(row.site_id))).toEqual([]);
      expect(
        failures(output.rows.enrollments, (row) => participants.has(row.participant_id) && sites.has(row.site_id)),
      ).toEqual([]);
      expect(failures(output.rows.sessions, (row) => groups.has(row.group_id))).toEqual([]);
      expect(
        failures(output.rows.attendance, (row) => sessions.has(row.session_id) && participants.has(row.participant_id)),
      ).toEqual([]);
      expect(failures(output.rows.sobriety, (row) => participants.has(row.participant_id))).toEqual([]);
    });
  });

  describe('row rules', () => {
    it('keeps groups, participants and sessions within their value ranges', () => {
      expect(failures(output.rows.groups, (row) => GROUP_TYPES.includes(row.group_type))).toEqual([]);
      expect(failures(output.rows.groups, (row) => row.group_name.length >= 1 && row.group_name.length <= 200)).toEqual(
        [],
      );
      expect(
        failures(output.rows.groups, (row) =>
          ['', 'cbt', 'dbt', 'mindfulness', 'motivational', 'twelve_step', 'other'].includes(row.modality),
        ),
      ).toEqual([]);
      expect(failures(output.rows.groups, (row) => optional(row.capacity, (v) => isInteger(v, 1, 30)))).toEqual([]);
      expect(
        failures(output.rows.participants, (row) => optional(row.birth_year, (v) => isInteger(v, 1900, 2026))),
      ).toEqual([]);
      expect(
        failures(output.rows.participants, (row) =>
          ['', 'female', 'male', 'nonbinary', 'other', 'unknown'].includes(row.gender),
        ),
      ).toEqual([]);
      expect(
        failures(output.rows.participants, (row) =>
          ['', 'alcohol', 'opioids', 'stimulants', 'cannabis', 'sedatives', 'other'].includes(row.primary_substance),
        ),
      ).toEqual([]);
      expect(failures(output.rows.participants, (row) => optional(row.co_occurring, (v) => BOOLEAN.test(v)))).toEqual(
        [],
      );
      // The contract allows 15-480 minutes; the demo promises 60-180.
      expect(
        failures(output.rows.sessions, (row) => optional(row.duration_minutes, (v) => isInteger(v, 60, 180))),
      ).toEqual([]);
      expect(failures(output.rows.sessions, (row) => row.topic.length <= 200)).toEqual([]);
    });

    it('dates every session inside the year ending at endDate', () => {
      const end = dayOf(END);
      expect(
        failures(output.rows.sessions, (row) => dayOf(row.session_date) >= end - 364 && dayOf(row.session_date) <= end),
      ).toEqual([]);
    });

    it('gives episodes valid dates, a reason exactly when discharged, and an assessment before admission', () => {
      const valid = (row: Row): boolean => {
        const admission = dayOf(row.admission_date);
        const discharged = row.discharge_date !== '';
        if (discharged && dayOf(row.discharge_date) < admission) return false;
        if (discharged !== (row.discharge_reason !== '')) return false;
        if (discharged && !REASONS.includes(row.discharge_reason)) return false;
        if (row.assessment_date !== '' && dayOf(row.assessment_date) > admission) return false;
        return optional(row.baseline_days_used, (v) => isInteger(v, 0, 30));
      };
      expect(failures(output.rows.enrollments, valid)).toEqual([]);
    });

    it('never lets one participant’s episodes overlap', () => {
      const byParticipant = new Map<string, ReturnType<typeof episodesOf>>();
      for (const episode of episodesOf(output))
        byParticipant.set(episode.participantId, [...(byParticipant.get(episode.participantId) ?? []), episode]);
      const overlapping = [...byParticipant.values()].filter((episodes) => {
        episodes.sort((a, b) => a.admission - b.admission);
        return episodes.some((episode, i) => {
          const previousDischarge = i > 0 ? episodes[i - 1].discharge : -Infinity;
          return previousDischarge === undefined || previousDischarge >= episode.admission;
        });
      });
      expect(overlapping.slice(0, 3)).toEqual([]);
      // Readmissions do occur, so the check above is not vacuous.
      expect([...byParticipant.values()].some((episodes) => episodes.length > 1)).toBe(true);
    });

    it('records attendance only on sessions inside one of the participant’s episode windows', () => {
      const sessionDay = new Map(output.rows.sessions.map((row) => [row.session_id, dayOf(row.session_date)]));
      const windows = new Map<string, [number, number][]>();
      for (const episode of episodesOf(output)) {
        windows.set(episode.participantId, [
          ...(windows.get(episode.participantId) ?? []),
          [episode.admission, episode.discharge ?? Infinity],
        ]);
      }
      const inWindow = (row: Row): boolean => {
        const day = sessionDay.get(row.session_id) ?? NaN;
        return (windows.get(row.participant_id) ?? []).some(([from, to]) => day >= from && day <= to);
      };
      expect(failures(output.rows.attendance, inWindow)).toEqual([]);
      expect(
        failures(output.rows.attendance, (row) =>
          ['present', 'late', 'left_early', 'absent', 'excused'].includes(row.status),
        ),
      ).toEqual([]);
      expect(
        failures(output.rows.attendance, (row) => optional(row.minutes_attended, (v) => isInteger(v, 0, 480))),
      ).toEqual([]);
    });

    it('gives feedback only for attended rows, with ratings 0-10 of at most one decimal', () => {
      const attended = new Set(
        output.rows.attendance
          .filter((row) => ATTENDED.has(row.status))
          .map((row) => `${row.session_id}|${row.participant_id}`),
      );
      expect(failures(output.rows.feedback, (row) => attended.has(`${row.session_id}|${row.participant_id}`))).toEqual(
        [],
      );
      const items = output.rows.feedback.flatMap((row) => [
        row.relationship,
        row.goals_topics,
        row.approach,
        row.overall,
      ]);
      expect(failures(items, (item) => RATING.test(item))).toEqual([]);
      // Not every attended session is rated.
      expect(output.rows.feedback.length).toBeLessThan(attended.size);
    });

    it('keeps check-ins within range and after an admission of the participant', () => {
      const admissions = new Map<string, number[]>();
      for (const episode of episodesOf(output))
        admissions.set(episode.participantId, [...(admissions.get(episode.participantId) ?? []), episode.admission]);
      const valid = (row: Row): boolean => {
        const window = row.window_days === '' ? 7 : Number(row.window_days);
        return (
          isInteger(String(window), 1, 30) &&
          isInteger(row.days_used, 0, window) &&
          optional(row.craving, (v) => RATING.test(v)) &&
          optional(row.goal_met, (v) => BOOLEAN.test(v)) &&
          (admissions.get(row.participant_id) ?? []).some((admission) => admission <= dayOf(row.report_date)) &&
          dayOf(row.report_date) <= dayOf(END)
        );
      };
      expect(failures(output.rows.sobriety, valid)).toEqual([]);
    });
  });

  describe('rosters', () => {
    it('has an attendance row for every session of a roster between a member’s first and last row in an episode', () => {
      const sessionsByGroup = new Map<string, number[]>();
      for (const row of output.rows.sessions)
        sessionsByGroup.set(row.group_id, [...(sessionsByGroup.get(row.group_id) ?? []), dayOf(row.session_date)]);
      const sessionGroup = new Map(output.rows.sessions.map((row) => [row.session_id, row.group_id]));
      const sessionDay = new Map(output.rows.sessions.map((row) => [row.session_id, dayOf(row.session_date)]));
      const episodes = episodesOf(output);
      // One stint = a participant in a group during one episode (a readmission may rejoin a group).
      const stints = new Map<string, number[]>();
      for (const row of output.rows.attendance) {
        const day = sessionDay.get(row.session_id) ?? NaN;
        const episode = episodes.find(
          (e) => e.participantId === row.participant_id && e.admission <= day && (e.discharge ?? Infinity) >= day,
        );
        const key = `${sessionGroup.get(row.session_id)}|${episode?.id}`;
        stints.set(key, [...(stints.get(key) ?? []), day]);
      }
      const gaps = [...stints.entries()].filter(([key, days]) => {
        const groupDays = sessionsByGroup.get(key.split('|')[0]) ?? [];
        const [first, last] = [Math.min(...days), Math.max(...days)];
        return groupDays.filter((day) => day >= first && day <= last).length !== days.length;
      });
      expect(gaps.slice(0, 3)).toEqual([]);
    });

    it('never puts more than 12 people on a roster (patterns.spec checks the typical size on a larger run)', () => {
      const rosterSize = new Map<string, number>();
      for (const row of output.rows.attendance)
        rosterSize.set(row.session_id, (rosterSize.get(row.session_id) ?? 0) + 1);
      expect(Math.max(...rosterSize.values())).toBeLessThanOrEqual(12);
      const capacities = new Map(
        output.rows.groups.map((row) => [row.group_id, row.capacity === '' ? Infinity : Number(row.capacity)]),
      );
      const sessionGroup = new Map(output.rows.sessions.map((row) => [row.session_id, row.group_id]));
      expect(
        failures([...rosterSize.entries()], ([id, size]) => size <= (capacities.get(sessionGroup.get(id) ?? '') ?? 0)),
      ).toEqual([]);
    });
  });

  describe('coverage of what the dashboard shows', () => {
    it('has all five group types at each of the three sites', () => {
      const pairs = new Set(output.rows.groups.map((row) => `${row.site_id}|${row.group_type}`));
      expect(output.rows.sites).toHaveLength(3);
      for (const site of output.rows.sites) {
        for (const type of GROUP_TYPES) expect(pairs).toContain(`${site.site_id}|${type}`);
      }
    });

    it('has all seven discharge reasons, with completion the commonest', () => {
      const counts = new Map<string, number>();
      for (const row of output.rows.enrollments)
        if (row.discharge_reason) counts.set(row.discharge_reason, (counts.get(row.discharge_reason) ?? 0) + 1);
      expect([...counts.keys()].sort()).toEqual([...REASONS].sort());
      const completed = counts.get('completed') ?? 0;
      for (const reason of REASONS) expect(completed).toBeGreaterThanOrEqual(counts.get(reason) ?? 0);
    });

    it('has open episodes and post-discharge follow-up check-ins', () => {
      const episodes = episodesOf(output);
      expect(episodes.filter((episode) => episode.discharge === undefined).length).toBeGreaterThan(10);
      const followUps = output.rows.sobriety.filter((row) => {
        const day = dayOf(row.report_date);
        const owner = episodes
          .filter((episode) => episode.participantId === row.participant_id && episode.admission <= day)
          .sort((a, b) => b.admission - a.admission)[0];
        return owner?.discharge !== undefined && day > owner.discharge;
      });
      expect(followUps.length).toBeGreaterThan(5);
    });

    it('exercises every status, missing minutes and durations, and flagged feedback scores', () => {
      const statuses = new Set(output.rows.attendance.map((row) => row.status));
      expect([...statuses].sort()).toEqual(['absent', 'excused', 'late', 'left_early', 'present']);
      expect(output.rows.attendance.some((row) => row.minutes_attended === '')).toBe(true);
      const scores = output.rows.feedback.map(
        (row) => Number(row.relationship) + Number(row.goals_topics) + Number(row.approach) + Number(row.overall),
      );
      const flagged = scores.filter((score) => score <= 36).length / scores.length;
      expect(flagged).toBeGreaterThan(0.03);
      expect(flagged).toBeLessThan(0.4);
      expect(output.rows.sobriety.some((row) => row.window_days === '30')).toBe(true);
    });

    it('dates the data so that as_of defaults to endDate', () => {
      expect(defaultAsOf(output)).toBe(dayOf(END));
    });

    it('makes every early-warning reason occur for some episode open at endDate', () => {
      const warnings = earlyWarnings(output, dayOf(END));
      const counts = new Map<string, number>();
      for (const reasons of warnings.values())
        for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
      expect([...counts.keys()].sort()).toEqual([
        'low_feedback_score',
        'no_attendance_last_7_days',
        'no_check_in_14_days',
        'two_recent_absences',
        'use_at_last_check_in',
      ]);
      // Most open episodes are doing fine: a warning list that flags everyone would be useless.
      const flagged = [...warnings.values()].filter((reasons) => reasons.size > 0).length;
      expect(flagged).toBeLessThan(warnings.size * 0.75);
    });
  });
});
