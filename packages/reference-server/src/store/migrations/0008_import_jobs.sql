-- Product imports as background jobs: one row per import, updated with each committed chunk, so
-- any process (the API of another server, `shoptag-server import`) can report its progress.
-- Written for PostgreSQL 15+ and PGlite (PostgreSQL 18).
CREATE TABLE import_jobs (
  id               text PRIMARY KEY,
  status           text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  -- Who runs it: the server's API or the command line.
  source           text NOT NULL CHECK (source IN ('api', 'cli')),
  rows_total       integer NOT NULL CHECK (rows_total >= 0),
  rows_done        integer NOT NULL DEFAULT 0,
  created          integer NOT NULL DEFAULT 0,
  updated          integer NOT NULL DEFAULT 0,
  unchanged        integer NOT NULL DEFAULT 0,
  skipped          integer NOT NULL DEFAULT 0,
  -- The first skipped rows, by row: [{ "row", "handle", "reason" }] (bounded by the service).
  errors           jsonb NOT NULL DEFAULT '[]',
  failure_code     text,
  failure_message  text,
  -- Set by a cancel from any process; the runner stops after the chunk it is writing.
  cancel_requested boolean NOT NULL DEFAULT false,
  -- Renewed by the process running (or holding) the job while it is alive: a queued or running job
  -- whose heartbeat has lapsed lost its process and is reported failed.
  heartbeat_at     timestamptz(3) NOT NULL,
  created_at       timestamptz(3) NOT NULL,
  started_at       timestamptz(3),
  finished_at      timestamptz(3)
);
CREATE INDEX import_jobs_unfinished_idx ON import_jobs (heartbeat_at) WHERE status IN ('queued', 'running');
