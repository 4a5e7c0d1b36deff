-- Public pre-registrations (事前登録) waiting for staff review. Until approved a
-- registration is a document: its guardians and children are kept as JSON
-- (`people`), and become a family, guardians and children only on approval
-- (family_id then names it).
CREATE TABLE registrations (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  family_name TEXT NOT NULL,
  address TEXT,
  phone TEXT NOT NULL,
  email TEXT,
  people TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  decided_at BIGINT,
  decided_by TEXT REFERENCES users(id),
  reject_reason TEXT,
  family_id TEXT REFERENCES families(id)
);
CREATE INDEX registrations_by_status ON registrations (organization_id, status, created_at, id);
CREATE INDEX registrations_by_family ON registrations (family_id);
-- Possible duplicates are children of the same birth date.
CREATE INDEX children_by_birth_date ON children (organization_id, birth_date);
