// $1 participant, $2 site ids in scope (NULL = all), $3 as-of date, $4 how many rows.
// A site-limited director sees a participant only through an episode at one of their sites:
// attendance at other sites' groups and check-ins outside those episodes stay hidden.

export const PARTICIPANT_EPISODES_SQL = `
  SELECT e.enrollment_id AS "enrollmentId", s.site_name AS "siteName",
         to_char(e.admission_date, 'YYYY-MM-DD') AS "admissionDate",
         to_char(e.discharge_date, 'YYYY-MM-DD') AS "dischargeDate",
         e.discharge_reason AS "dischargeReason"
    FROM enrollment e JOIN site s USING (site_id)
   WHERE e.participant_id = $1 AND ($2::text[] IS NULL OR e.site_id = ANY ($2::text[]))
     AND e.admission_date <= $3::date
   ORDER BY e.admission_date DESC, e.enrollment_id`;

export const PARTICIPANT_SESSIONS_SQL = `
  SELECT to_char(gs.session_date, 'YYYY-MM-DD') AS "sessionDate", gs.session_id AS "sessionId",
         g.group_name AS "groupName", g.group_type AS "groupType", s.site_name AS "siteName",
         a.status, a.minutes_attended AS "minutesAttended"
    FROM attendance a
    JOIN group_session gs USING (session_id)
    JOIN therapy_group g USING (group_id)
    JOIN site s ON s.site_id = g.site_id
   WHERE a.participant_id = $1 AND ($2::text[] IS NULL OR g.site_id = ANY ($2::text[]))
     AND gs.session_date <= $3::date
   ORDER BY gs.session_date DESC, gs.session_id
   LIMIT $4`;

export const PARTICIPANT_CHECKINS_SQL = `
  SELECT to_char(c.report_date, 'YYYY-MM-DD') AS "reportDate", c.days_used AS "daysUsed",
         c.window_days AS "windowDays", c.craving::float8 AS craving, c.goal_met AS "goalMet"
    FROM sobriety_checkin c
   WHERE c.participant_id = $1 AND c.report_date <= $3::date
     AND ($2::text[] IS NULL OR EXISTS (
       SELECT 1 FROM enrollment e
        WHERE e.participant_id = c.participant_id AND e.site_id = ANY ($2::text[])
          AND c.report_date >= e.admission_date
          AND (e.discharge_date IS NULL OR c.report_date <= e.discharge_date)))
   ORDER BY c.report_date DESC
   LIMIT $4`;
