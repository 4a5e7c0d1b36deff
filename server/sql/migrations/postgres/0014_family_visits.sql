-- A visit (組) as the statistics count it: the children who came together
-- and the adults with them. At a drop-in room the arrivals of one stamp form
-- a group (each child's visit names it in group_id); a paper visitor form
-- (利用者票, method 'paper') is a group with no child visits, its children
-- kept anonymously in walk_in_children with what the form said of their age.
-- Visits without a group (after-school clubs) are each a visit of their own.
CREATE TABLE visit_groups (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  facility_id TEXT NOT NULL REFERENCES facilities(id),
  family_id TEXT REFERENCES families(id),
  method TEXT NOT NULL CHECK (method IN ('qr', 'manual', 'paper')),
  arrived_at BIGINT NOT NULL,
  adults INTEGER NOT NULL CHECK (adults >= 0),
  area TEXT,
  client_id TEXT,
  created_by TEXT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX visit_groups_by_facility ON visit_groups (facility_id, method, arrived_at);
CREATE UNIQUE INDEX visit_groups_client_id ON visit_groups (organization_id, client_id) WHERE client_id IS NOT NULL;
CREATE TABLE walk_in_children (
  group_id TEXT NOT NULL REFERENCES visit_groups(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  birth_date TEXT,
  age_months INTEGER,
  grade INTEGER,
  PRIMARY KEY (group_id, position)
);
ALTER TABLE visits ADD COLUMN group_id TEXT REFERENCES visit_groups(id);
CREATE INDEX visits_by_group ON visits (group_id) WHERE group_id IS NOT NULL;

-- Consultation records (相談記録): the body is sealed (libsodium secretbox) with
-- the configured key named by key_id; nothing readable of it is stored.
CREATE TABLE consultations (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  family_id TEXT NOT NULL REFERENCES families(id),
  facility_id TEXT NOT NULL REFERENCES facilities(id),
  category TEXT NOT NULL,
  occurred_at BIGINT NOT NULL,
  follow_up_on TEXT,
  key_id TEXT NOT NULL,
  sealed_body TEXT NOT NULL,
  created_by TEXT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX consultations_by_family ON consultations (organization_id, family_id, occurred_at);
CREATE INDEX consultations_by_key ON consultations (key_id);
-- The monthly report counts each room's consultations of the month.
CREATE INDEX consultations_by_facility ON consultations (facility_id, occurred_at);
