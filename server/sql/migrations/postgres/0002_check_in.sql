-- Check-in: credentials (versions on children and families), server keys,
-- kiosks, visits, and the answers of stamp requests (idempotent retries).

ALTER TABLE facilities ADD COLUMN duplicate_window_seconds INTEGER NOT NULL DEFAULT 60;
ALTER TABLE facilities ADD COLUMN offline_retention_hours INTEGER NOT NULL DEFAULT 72;
ALTER TABLE children ADD COLUMN credential_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE families ADD COLUMN credential_version INTEGER NOT NULL DEFAULT 1;

-- Secrets the server creates on first start and every process shares.
CREATE TABLE server_keys (
  name TEXT PRIMARY KEY,
  secret TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE kiosks (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  facility_id TEXT NOT NULL REFERENCES facilities(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT,
  revoked_at BIGINT
);
CREATE INDEX kiosks_by_facility ON kiosks (facility_id);

CREATE TABLE visits (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  facility_id TEXT NOT NULL REFERENCES facilities(id),
  child_id TEXT NOT NULL REFERENCES children(id),
  in_at BIGINT NOT NULL,
  out_at BIGINT,
  pickup_by TEXT,
  method TEXT NOT NULL CHECK (method IN ('qr', 'manual')),
  auto_closed INTEGER NOT NULL DEFAULT 0,
  needs_review INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX visits_by_child ON visits (child_id, facility_id, in_at);
CREATE INDEX visits_by_facility ON visits (facility_id, in_at);
CREATE INDEX visits_open ON visits (facility_id) WHERE out_at IS NULL;

CREATE TABLE stamp_requests (
  client_id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL,
  outcome TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
