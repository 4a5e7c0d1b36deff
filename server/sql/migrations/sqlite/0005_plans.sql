-- Attendance plans (出欠予定) and absence reports, with the facility settings
-- that judge them: the change deadline and the not-arrived alert.

ALTER TABLE facilities ADD COLUMN plan_deadline_days INTEGER NOT NULL DEFAULT 1;
ALTER TABLE facilities ADD COLUMN plan_deadline_time TEXT NOT NULL DEFAULT '17:00';
ALTER TABLE facilities ADD COLUMN not_arrived_grace_minutes INTEGER NOT NULL DEFAULT 15;
ALTER TABLE facilities ADD COLUMN not_arrived_notify INTEGER NOT NULL DEFAULT 0;

-- One row per child, facility and day. Times are "HH:MM" in the organization's
-- zone; expected_at (arrive_at on that day), day_starts_at and day_ends_at
-- (local midnights) are the same as instants, for the not-arrived job.
-- updated_by_* and acknowledged_by_name keep who did it as it was then.
-- alerted_at: when the not-arrived job raised the child (set once, by an
-- UPDATE … WHERE alerted_at IS NULL, so only one server process wins);
-- settled_at: when the job found the child had arrived (nothing to raise), so
-- the plan leaves the job's index.
CREATE TABLE plans (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  facility_id TEXT NOT NULL REFERENCES facilities(id),
  child_id TEXT NOT NULL REFERENCES children(id),
  date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('attend', 'absent')),
  arrive_at TEXT,
  leave_at TEXT,
  pickup_by TEXT,
  reason TEXT,
  expected_at BIGINT,
  day_starts_at BIGINT NOT NULL,
  day_ends_at BIGINT NOT NULL,
  late INTEGER NOT NULL DEFAULT 0,
  updated_by_id TEXT NOT NULL,
  updated_by_role TEXT NOT NULL,
  updated_by_name TEXT NOT NULL,
  acknowledged_at BIGINT,
  acknowledged_by_id TEXT,
  acknowledged_by_name TEXT,
  alerted_at BIGINT,
  settled_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK (status = 'attend' OR (arrive_at IS NULL AND leave_at IS NULL AND pickup_by IS NULL)),
  CHECK ((arrive_at IS NULL) = (expected_at IS NULL))
);
CREATE UNIQUE INDEX plans_one_per_day ON plans (child_id, facility_id, date);
CREATE INDEX plans_by_facility_day ON plans (facility_id, date);
-- The not-arrived job looks only at timed attend plans neither raised nor settled yet.
CREATE INDEX plans_to_alert ON plans (expected_at)
  WHERE alerted_at IS NULL AND settled_at IS NULL AND status = 'attend' AND expected_at IS NOT NULL;
