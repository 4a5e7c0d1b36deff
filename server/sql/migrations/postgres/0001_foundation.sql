-- Organizations, facilities, accounts, families, children, enrollments, sessions, audit log.
-- Instants are BIGINT milliseconds since the Unix epoch; dates TEXT YYYY-MM-DD;
-- flags INTEGER 0/1 (the same in both dialects, so one query serves both).

CREATE TABLE organizations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL DEFAULT 'Asia/Tokyo',
  created_at BIGINT NOT NULL
);

CREATE TABLE facilities (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('after_school', 'drop_in', 'nursery')),
  opens_at TEXT NOT NULL,
  closes_at TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX facilities_by_organization ON facilities (organization_id, name);

CREATE TABLE families (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  address TEXT,
  phone TEXT,
  search_text TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX families_by_organization ON families (organization_id, id);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  role TEXT NOT NULL CHECK (role IN ('org_admin', 'facility_staff', 'guardian')),
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  family_id TEXT REFERENCES families(id),
  email TEXT,
  relation TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK ((role = 'guardian') = (family_id IS NOT NULL))
);
CREATE INDEX users_by_family ON users (family_id);
CREATE INDEX users_by_organization ON users (organization_id, role);

CREATE TABLE staff_facilities (
  user_id TEXT NOT NULL REFERENCES users(id),
  facility_id TEXT NOT NULL REFERENCES facilities(id),
  PRIMARY KEY (user_id, facility_id)
);

CREATE TABLE children (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  family_id TEXT NOT NULL REFERENCES families(id),
  name TEXT NOT NULL,
  name_kana TEXT,
  birth_date TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX children_by_family ON children (family_id);

CREATE TABLE enrollments (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  facility_id TEXT NOT NULL REFERENCES facilities(id),
  child_id TEXT REFERENCES children(id),
  family_id TEXT NOT NULL REFERENCES families(id),
  status TEXT NOT NULL CHECK (status IN ('active', 'pending')),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
-- A child enrollment (after_school, nursery) names the child; a family
-- enrollment (drop_in) leaves child_id NULL. family_id is always set.
CREATE UNIQUE INDEX enrollments_one_per_child ON enrollments (facility_id, child_id) WHERE child_id IS NOT NULL;
CREATE UNIQUE INDEX enrollments_one_per_family ON enrollments (facility_id, family_id) WHERE child_id IS NULL;
CREATE INDEX enrollments_by_family ON enrollments (family_id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL,
  actor_id TEXT,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}',
  at BIGINT NOT NULL
);
CREATE INDEX audit_log_by_target ON audit_log (organization_id, target_type, target_id, at);
