// The reports benchmark's baselines: what a developer would write by hand for the same figures as the API, one query
// each, from the fastest tables for the job (the daily roll-up for the counts, the decided-time index for medians, the
// attempt facts for standings); d′ from the counts is arithmetic, left out of both timings' SQL alike. The benchmark
// runs them itself, and the HTTP floor (reports-floor.mjs) serves them over bare node:http.

/** Each assignment's standing of each officer of the cohorts `cohorts` picks (as moduleStanding), from the facts. */
const standings = (cohorts) => `
  SELECT m.cohort_id, m.user_id, s.id AS assignment_id, t.n AS attempts, t.best,
         CASE WHEN t.passed THEN 'passed' WHEN t.in_progress THEN 'in-progress' WHEN t.finished > 0 THEN 'failed'
              WHEN s.closes_at <= now() THEN 'overdue' ELSE 'not-started' END AS standing
    FROM cohort_members m
    JOIN assignments s ON s.cohort_id = m.cohort_id
    LEFT JOIN (SELECT user_id, assignment_id, count(*) AS n, count(finished_at) AS finished,
                      bool_or(passed) AS passed, bool_or(finished_at IS NULL) AS in_progress, max(score) AS best
                 FROM report_attempt_facts WHERE cohort_id ${cohorts} GROUP BY 1, 2) t
           ON t.user_id = m.user_id AND t.assignment_id = s.id
   WHERE m.cohort_id ${cohorts}`;

const SUMS = `
  sum(decisions) AS decisions, sum(hits) AS hits, sum(misses) AS misses, sum(false_alarms) AS false_alarms,
  sum(correct_rejections) AS correct_rejections, sum(decision_ms_sum)::float8 / nullif(sum(decision_ms_n), 0) AS mean_ms,
  sum(locate_sum) / nullif(sum(locate_n), 0) AS locate, sum(fraud_type_sum) / nullif(sum(fraud_type_n), 0) AS fraud_type`;

export const COHORT_OFFICERS = `
  WITH sums AS (
    SELECT user_id, ${SUMS}, max(last_at) AS last_answer
      FROM report_officer_days WHERE cohort_id = $1 GROUP BY GROUPING SETS ((user_id), ())
  ), medians AS (
    SELECT user_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY response_time_ms) AS median_ms
      FROM report_item_facts WHERE cohort_id = $1 AND outcome IS NOT NULL GROUP BY GROUPING SETS ((user_id), ())
  ), attempts AS (
    SELECT user_id, count(*) AS attempts, max(score) FILTER (WHERE finished_at IS NOT NULL) AS best,
           (array_agg(score ORDER BY finished_at DESC) FILTER (WHERE finished_at IS NOT NULL))[1] AS latest,
           max(started_at) AS last_started
      FROM report_attempt_facts WHERE cohort_id = $1 GROUP BY user_id
  ), modules AS (
    SELECT user_id, json_agg(json_build_object('assignment', assignment_id, 'standing', standing,
                                               'attempts', coalesce(attempts, 0), 'best', best)) AS modules,
           count(*) FILTER (WHERE standing = 'not-started') AS not_started,
           count(*) FILTER (WHERE standing = 'overdue') AS overdue
      FROM (${standings('= $1')}) x GROUP BY user_id
  )
  SELECT u.id, u.username, u.display_name, s.*, md.median_ms, a.attempts, a.best, a.latest,
         greatest(s.last_answer, a.last_started) AS last_activity, mo.modules, mo.not_started, mo.overdue
    FROM cohort_members m
    JOIN users u ON u.id = m.user_id
    LEFT JOIN sums s ON s.user_id = m.user_id
    LEFT JOIN medians md ON md.user_id = m.user_id
    LEFT JOIN attempts a ON a.user_id = m.user_id
    LEFT JOIN modules mo ON mo.user_id = m.user_id
   WHERE m.cohort_id = $1
  UNION ALL
  SELECT NULL, NULL, NULL, s.*, md.median_ms, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM sums s, medians md WHERE s.user_id IS NULL AND md.user_id IS NULL`;

// Per cohort of the unit: pooled counts (no median, as the API), officers, passed the latest assessment, officers
// with a module not started or overdue, and the readiness list (each officer's standing on that assessment).
export const UNIT = `
  WITH cohorts AS (SELECT id, name FROM cohorts WHERE unit_id = $1),
  sums AS (
    SELECT cohort_id, ${SUMS} FROM report_officer_days WHERE cohort_id IN (SELECT id FROM cohorts) GROUP BY cohort_id
  ), standings AS (${standings('IN (SELECT id FROM cohorts)')}),
  latest AS (
    SELECT DISTINCT ON (s.cohort_id) s.cohort_id, s.id AS assignment_id
      FROM assignments s JOIN module_versions mv ON mv.id = s.module_version_id
     WHERE s.cohort_id IN (SELECT id FROM cohorts) AND mv.settings->>'mode' = 'assessment'
     ORDER BY s.cohort_id, s.opens_at DESC, s.id DESC
  ), officers AS (
    SELECT st.cohort_id, st.user_id, bool_or(st.standing = 'not-started') AS not_started,
           bool_or(st.standing = 'overdue') AS overdue,
           max(st.standing) FILTER (WHERE st.assignment_id = l.assignment_id) AS on_latest,
           max(st.best) FILTER (WHERE st.assignment_id = l.assignment_id) AS best
      FROM standings st LEFT JOIN latest l ON l.cohort_id = st.cohort_id
     GROUP BY st.cohort_id, st.user_id
  )
  SELECT c.id, c.name, s.decisions, s.hits, s.misses, s.false_alarms, s.correct_rejections, s.mean_ms, s.locate,
         s.fraud_type, count(o.user_id) AS officers, count(*) FILTER (WHERE o.on_latest = 'passed') AS passed,
         count(*) FILTER (WHERE o.not_started) AS not_started, count(*) FILTER (WHERE o.overdue) AS overdue,
         json_agg(json_build_object('userId', u.id, 'username', u.username, 'name', u.display_name,
                                    'standing', o.on_latest, 'bestScore', o.best)) AS readiness
    FROM cohorts c
    LEFT JOIN sums s ON s.cohort_id = c.id
    LEFT JOIN officers o ON o.cohort_id = c.id
    LEFT JOIN users u ON u.id = o.user_id
   GROUP BY c.id, c.name, s.decisions, s.hits, s.misses, s.false_alarms, s.correct_rejections, s.mean_ms, s.locate,
            s.fraud_type`;
