// The definitions of the derived tables, in the schema `derived` that the metrics layer owns (the
// migrations keep the source and application tables, and derived.meta, the stamp). When one
// changes, the next load (a whole build: they are part of the declarations' version too) drops
// every derived table and creates them from here (ensure-tables.ts), then fills them.
// A table's columns are in the order its declaration's body selects them. Its first statement
// creates it, bare; the others add its keys and indexes, which a first build runs after the rows.

export const DERIVED_SCHEMA = 'derived';

/** Per derived table, the statements that create it, then its keys and indexes. */
export const DERIVED_TABLE_DEFINITIONS: Readonly<Record<string, readonly string[]>> = {
  'derived.craving_cell': [
    `CREATE TABLE derived.craving_cell (
  admission_date date NOT NULL, site_id text NOT NULL, primary_type text, week integer NOT NULL,
  checkins integer NOT NULL, episodes integer NOT NULL, craving_sum numeric NOT NULL
)`,
    // A keyed build adds to the cells (craving-cells.ts); primary_type is NULL for an episode
    // without attendance rows.
    `CREATE UNIQUE INDEX craving_cell_key ON derived.craving_cell (admission_date, site_id, primary_type, week) NULLS NOT DISTINCT`,
  ],
  'derived.craving_episode_week': [
    `CREATE TABLE derived.craving_episode_week (
  enrollment_id text NOT NULL, week integer NOT NULL, checkins integer NOT NULL, craving_sum numeric NOT NULL
)`,
    `ALTER TABLE derived.craving_episode_week ADD PRIMARY KEY (enrollment_id, week)`,
  ],
  'derived.craving_month': [
    `CREATE TABLE derived.craving_month (
  month date NOT NULL, site_id text NOT NULL, primary_type text, week integer NOT NULL,
  checkins integer NOT NULL, episodes integer NOT NULL, craving_sum numeric NOT NULL
)`,
    `CREATE INDEX craving_month_idx ON derived.craving_month (month)`,
  ],
  'derived.episode_cell': [
    `CREATE TABLE derived.episode_cell (
  admission_date date NOT NULL, site_id text NOT NULL, primary_type text, episodes integer NOT NULL,
  pda_n integer NOT NULL, pda_sum double precision NOT NULL, change_n integer NOT NULL,
  change_sum double precision NOT NULL, episodes_with_active_weeks integer DEFAULT 0 NOT NULL,
  active_weeks integer DEFAULT 0 NOT NULL, checkin_weeks integer DEFAULT 0 NOT NULL,
  episodes_with_goal_ratings integer DEFAULT 0 NOT NULL, goals_met integer DEFAULT 0 NOT NULL,
  goals_rated integer DEFAULT 0 NOT NULL
)`,
    `CREATE INDEX episode_cell_admission_idx ON derived.episode_cell (admission_date)`,
  ],
  'derived.episode_cell_month': [
    `CREATE TABLE derived.episode_cell_month (
  month date NOT NULL, site_id text NOT NULL, primary_type text, episodes integer NOT NULL,
  pda_n integer NOT NULL, pda_sum double precision NOT NULL, change_n integer NOT NULL,
  change_sum double precision NOT NULL
)`,
    `CREATE INDEX episode_cell_month_idx ON derived.episode_cell_month (month)`,
  ],
  'derived.episode_covariate': [
    `CREATE TABLE derived.episode_covariate (
  enrollment_id text NOT NULL, admission_date date NOT NULL, site_id text NOT NULL, primary_type text,
  group_id text, age_band text NOT NULL, gender text NOT NULL, substance text NOT NULL,
  co_occurring text NOT NULL, baseline_days_used integer, follow_up_end date, event boolean NOT NULL,
  discharged boolean NOT NULL, completed boolean NOT NULL
)`,
    `ALTER TABLE derived.episode_covariate ADD PRIMARY KEY (enrollment_id)`,
    `CREATE INDEX episode_covariate_admission_idx ON derived.episode_covariate (admission_date)`,
  ],
  'derived.episode_cover_day': [
    `CREATE TABLE derived.episode_cover_day (
  day date NOT NULL, change integer NOT NULL
)`,
    `ALTER TABLE derived.episode_cover_day ADD PRIMARY KEY (day)`,
  ],
  'derived.episode_day': [
    `CREATE TABLE derived.episode_day (
  day date NOT NULL, admissions integer NOT NULL, discharges integer NOT NULL
)`,
    `ALTER TABLE derived.episode_day ADD PRIMARY KEY (day)`,
  ],
  'derived.episode_fact': [
    `CREATE TABLE derived.episode_fact (
  enrollment_id text NOT NULL, participant_id text NOT NULL, site_id text NOT NULL,
  admission_date date NOT NULL, baseline_days_used smallint, discharge_date date, discharge_reason text,
  window_end date NOT NULL, primary_type text, pda_days_used bigint, pda_window_days bigint,
  active_weeks integer NOT NULL, checkin_weeks integer NOT NULL, goals_met integer NOT NULL,
  goals_rated integer NOT NULL, previous_window_end date
)`,
    `ALTER TABLE derived.episode_fact ADD PRIMARY KEY (enrollment_id)`,
    `CREATE INDEX episode_fact_admission_idx ON derived.episode_fact (admission_date)`,
  ],
  'derived.episode_group_rows': [
    `CREATE TABLE derived.episode_group_rows (
  enrollment_id text NOT NULL, group_id text NOT NULL, group_type text NOT NULL,
  row_count integer NOT NULL, first_session date NOT NULL
)`,
    `ALTER TABLE derived.episode_group_rows ADD PRIMARY KEY (enrollment_id, group_id)`,
  ],
  'derived.episode_milestone': [
    `CREATE TABLE derived.episode_milestone (
  enrollment_id text NOT NULL, m integer NOT NULL, days_used smallint NOT NULL
)`,
    `ALTER TABLE derived.episode_milestone ADD PRIMARY KEY (enrollment_id, m)`,
  ],
  'derived.episode_outcome_day': [
    `CREATE TABLE derived.episode_outcome_day (
  admission_date date NOT NULL, site_id text NOT NULL, kind smallint NOT NULL, type_no smallint, t integer,
  event boolean, reason_no smallint, stay integer, n integer NOT NULL,
  CONSTRAINT episode_outcome_day_kind_check CHECK ((kind = ANY (ARRAY[1, 2, 3])))
)`,
    `CREATE INDEX episode_outcome_day_idx ON derived.episode_outcome_day (admission_date)`,
  ],
  'derived.episode_outcome_day_all_sites': [
    `CREATE TABLE derived.episode_outcome_day_all_sites (
  admission_date date NOT NULL, kind smallint NOT NULL, type_no smallint, t integer, event boolean,
  reason_no smallint, stay integer, n integer NOT NULL,
  CONSTRAINT episode_outcome_day_all_sites_kind_check CHECK ((kind = ANY (ARRAY[1, 2, 3])))
)`,
    `CREATE INDEX episode_outcome_day_all_sites_idx ON derived.episode_outcome_day_all_sites (admission_date)`,
  ],
  'derived.episode_outcome_month': [
    `CREATE TABLE derived.episode_outcome_month (
  month date NOT NULL, site_id text NOT NULL, kind smallint NOT NULL, type_no smallint, t integer,
  event boolean, reason_no smallint, stay integer, admission_date date, n integer NOT NULL,
  CONSTRAINT episode_outcome_month_kind_check CHECK ((kind = ANY (ARRAY[1, 2, 3])))
)`,
    `CREATE INDEX episode_outcome_month_idx ON derived.episode_outcome_month (month)`,
  ],
  'derived.episode_outcome_month_all_sites': [
    `CREATE TABLE derived.episode_outcome_month_all_sites (
  month date NOT NULL, kind smallint NOT NULL, type_no smallint, t integer, event boolean,
  reason_no smallint, stay integer, admission_date date, n integer NOT NULL,
  CONSTRAINT episode_outcome_month_all_sites_kind_check CHECK ((kind = ANY (ARRAY[1, 2, 3])))
)`,
    `CREATE INDEX episode_outcome_month_all_sites_idx ON derived.episode_outcome_month_all_sites (month)`,
  ],
  'derived.episode_readmission': [
    `CREATE TABLE derived.episode_readmission (
  admission_date date NOT NULL, previous_window_end date NOT NULL, episodes integer NOT NULL
)`,
    `ALTER TABLE derived.episode_readmission ADD PRIMARY KEY (admission_date, previous_window_end)`,
  ],
  'derived.episode_warning': [
    `CREATE TABLE derived.episode_warning (
  enrollment_id text NOT NULL, participant_id text NOT NULL, site_id text NOT NULL,
  admission_date date NOT NULL, last_session_date date, last_attended_date date, last_two_statuses text[],
  rows_recent integer NOT NULL, attended_last integer NOT NULL, last_feedback_date date,
  last_feedback_score numeric, last_checkin_date date, last_days_used smallint,
  two_absent boolean NOT NULL, not_attending boolean NOT NULL, low_feedback boolean NOT NULL,
  use_reported boolean NOT NULL, no_checkin boolean NOT NULL, reason_count integer NOT NULL
)`,
    `ALTER TABLE derived.episode_warning ADD PRIMARY KEY (enrollment_id)`,
    `CREATE INDEX episode_warning_rank_idx ON derived.episode_warning (reason_count DESC, last_attended_date NULLS FIRST, enrollment_id COLLATE "C") WHERE (reason_count > 0)`,
  ],
  'derived.group_day_total': [
    `CREATE TABLE derived.group_day_total (
  group_id text NOT NULL, session_date date NOT NULL, sessions integer NOT NULL,
  scheduled integer NOT NULL, attended integer NOT NULL, excused integer NOT NULL,
  responses integer NOT NULL, score_sum numeric NOT NULL, pairs_started integer NOT NULL,
  pairs_ended integer NOT NULL
)`,
    `ALTER TABLE derived.group_day_total ADD PRIMARY KEY (group_id, session_date)`,
  ],
  'derived.group_pair': [
    `CREATE TABLE derived.group_pair (
  group_id text NOT NULL, participant_id text NOT NULL, first_date date NOT NULL, last_date date NOT NULL,
  row_count integer NOT NULL
)`,
    `ALTER TABLE derived.group_pair ADD PRIMARY KEY (participant_id, group_id)`,
  ],
  'derived.group_participant_gap': [
    `CREATE TABLE derived.group_participant_gap (
  group_id text NOT NULL, participant_id text NOT NULL, gap_from date NOT NULL, gap_to date NOT NULL
)`,
    `ALTER TABLE derived.group_participant_gap ADD PRIMARY KEY (group_id, participant_id, gap_from)`,
    `CREATE INDEX group_participant_gap_participant_idx ON derived.group_participant_gap (participant_id)`,
  ],
  'derived.milestone_cell': [
    `CREATE TABLE derived.milestone_cell (
  admission_date date NOT NULL, site_id text NOT NULL, primary_type text, m integer NOT NULL,
  episodes integer NOT NULL, responders integer NOT NULL, abstinent integer NOT NULL
)`,
    `CREATE INDEX milestone_cell_admission_idx ON derived.milestone_cell (admission_date)`,
  ],
  'derived.milestone_cell_month': [
    `CREATE TABLE derived.milestone_cell_month (
  month date NOT NULL, site_id text NOT NULL, primary_type text, m integer NOT NULL,
  episodes integer NOT NULL, responders integer NOT NULL, abstinent integer NOT NULL
)`,
    `CREATE INDEX milestone_cell_month_idx ON derived.milestone_cell_month (month)`,
  ],
  'derived.multi_group_participant': [
    `CREATE TABLE derived.multi_group_participant (
  group_id text NOT NULL, participant_id text NOT NULL, group_type text NOT NULL, first_date date NOT NULL,
  last_date date NOT NULL
)`,
    `ALTER TABLE derived.multi_group_participant ADD PRIMARY KEY (group_id, participant_id)`,
    `CREATE INDEX multi_group_participant_type_idx ON derived.multi_group_participant (group_type)`,
  ],
  'derived.participant_site_set': [
    `CREATE TABLE derived.participant_site_set (
  site_ids text[] NOT NULL, participants bigint NOT NULL, checkins bigint NOT NULL, latest_checkin date
)`,
    `ALTER TABLE derived.participant_site_set ADD PRIMARY KEY (site_ids)`,
  ],
  'derived.participant_week_cell': [
    `CREATE TABLE derived.participant_week_cell (
  week date NOT NULL, site_id text NOT NULL, group_type text NOT NULL, first_date date NOT NULL,
  last_date date NOT NULL, weeks integer NOT NULL, consistent integer NOT NULL, unknown integer NOT NULL,
  met integer NOT NULL
)`,
    `ALTER TABLE derived.participant_week_cell ADD PRIMARY KEY (week, site_id, group_type)`,
  ],
  'derived.participant_week_edge_cell': [
    `CREATE TABLE derived.participant_week_edge_cell (
  week date NOT NULL, from_date date NOT NULL, to_date date NOT NULL, site_id text NOT NULL,
  group_type text NOT NULL, weeks integer NOT NULL, consistent integer NOT NULL, unknown integer NOT NULL,
  met integer NOT NULL
)`,
    `ALTER TABLE derived.participant_week_edge_cell ADD PRIMARY KEY (from_date, to_date, site_id, group_type)`,
  ],
  'derived.participant_week_multi_site': [
    `CREATE TABLE derived.participant_week_multi_site (
  week date NOT NULL, enrollment_id text NOT NULL
)`,
    `ALTER TABLE derived.participant_week_multi_site ADD PRIMARY KEY (week, enrollment_id)`,
  ],
  'derived.session_fact': [
    `CREATE TABLE derived.session_fact (
  session_id text NOT NULL, group_id text NOT NULL, site_id text NOT NULL, group_type text NOT NULL,
  session_date date NOT NULL, week date NOT NULL, scheduled integer NOT NULL, present integer NOT NULL,
  late integer NOT NULL, left_early integer NOT NULL, absent integer NOT NULL, excused integer NOT NULL,
  feedback_attended integer NOT NULL, reengaged integer NOT NULL, responses integer NOT NULL,
  flagged integer NOT NULL, score_sum numeric NOT NULL, relationship_sum numeric NOT NULL,
  goals_topics_sum numeric NOT NULL, approach_sum numeric NOT NULL, overall_sum numeric NOT NULL
)`,
    `ALTER TABLE derived.session_fact ADD PRIMARY KEY (session_id)`,
    `CREATE INDEX session_fact_date_idx ON derived.session_fact (session_date)`,
  ],
  'derived.session_group_week': [
    `CREATE TABLE derived.session_group_week (
  week date NOT NULL, group_id text NOT NULL, site_id text NOT NULL, group_type text NOT NULL,
  first_date date NOT NULL, last_date date NOT NULL, scheduled integer NOT NULL, present integer NOT NULL,
  late integer NOT NULL, left_early integer NOT NULL, absent integer NOT NULL, excused integer NOT NULL,
  feedback_attended integer NOT NULL, reengaged integer NOT NULL, responses integer NOT NULL,
  flagged integer NOT NULL, score_sum numeric NOT NULL, relationship_sum numeric NOT NULL,
  goals_topics_sum numeric NOT NULL, approach_sum numeric NOT NULL, overall_sum numeric NOT NULL
)`,
    `ALTER TABLE derived.session_group_week ADD PRIMARY KEY (week, group_id)`,
  ],
  'derived.session_type_day': [
    `CREATE TABLE derived.session_type_day (
  session_date date NOT NULL, week date NOT NULL, site_id text NOT NULL, group_type text NOT NULL,
  sessions integer NOT NULL, scheduled integer NOT NULL, present integer NOT NULL, late integer NOT NULL,
  left_early integer NOT NULL, absent integer NOT NULL, excused integer NOT NULL,
  feedback_attended integer NOT NULL, reengaged integer NOT NULL, responses integer NOT NULL,
  flagged integer NOT NULL, score_sum numeric NOT NULL, relationship_sum numeric NOT NULL,
  goals_topics_sum numeric NOT NULL, approach_sum numeric NOT NULL, overall_sum numeric NOT NULL
)`,
    `ALTER TABLE derived.session_type_day ADD PRIMARY KEY (session_date, site_id, group_type)`,
  ],
  'derived.session_type_week': [
    `CREATE TABLE derived.session_type_week (
  week date NOT NULL, site_id text NOT NULL, group_type text NOT NULL, first_date date NOT NULL,
  last_date date NOT NULL, sessions integer NOT NULL, scheduled integer NOT NULL, present integer NOT NULL,
  late integer NOT NULL, left_early integer NOT NULL, absent integer NOT NULL, excused integer NOT NULL,
  feedback_attended integer NOT NULL, reengaged integer NOT NULL, responses integer NOT NULL,
  flagged integer NOT NULL, score_sum numeric NOT NULL, relationship_sum numeric NOT NULL,
  goals_topics_sum numeric NOT NULL, approach_sum numeric NOT NULL, overall_sum numeric NOT NULL
)`,
    `ALTER TABLE derived.session_type_week ADD PRIMARY KEY (week, site_id, group_type)`,
  ],
  'derived.table_freshness': [
    `CREATE TABLE derived.table_freshness (
  site_id text NOT NULL, kind text NOT NULL, rows bigint NOT NULL, latest date
)`,
    `ALTER TABLE derived.table_freshness ADD PRIMARY KEY (site_id, kind)`,
  ],
};
