-- Operations: the last run of each scheduled job. Several app processes on one PostgreSQL share
-- this table; a process claims a due job under a transaction advisory lock and a row lock, so a
-- job runs once per interval, not once per process (src/services/ops/jobs.ts).
CREATE TABLE job_runs (
  name text PRIMARY KEY,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_status text NOT NULL DEFAULT 'never' CHECK (last_status IN ('never', 'running', 'success', 'failure')),
  last_error text,
  last_result jsonb NOT NULL DEFAULT '{}',
  last_runner text,                   -- host:pid of the process that ran it last
  run_count bigint NOT NULL DEFAULT 0,
  failure_count bigint NOT NULL DEFAULT 0
);
