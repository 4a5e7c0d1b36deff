-- The calendar (行事予定): closures (休館日), events (行事) and courses (講座),
-- a course's applications with their waitlist, and each family's secret
-- calendar feed. The notifications they send are outbox rows (0004) written
-- in the same transaction.

-- facility_id NULL: every facility of the organization. A closure closes each
-- day of the organization's zone that [starts_at, ends_at) overlaps at its
-- facilities. capacity, age bounds and apply_until are for courses only;
-- capacity NULL is no limit, apply_until NULL is until starts_at.
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  facility_id TEXT REFERENCES facilities(id),
  kind TEXT NOT NULL CHECK (kind IN ('closure', 'event', 'course')),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  capacity INTEGER,
  age_min_months INTEGER,
  age_max_months INTEGER,
  apply_until BIGINT,
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
  cancelled_at BIGINT,
  client_id TEXT,
  created_by_id TEXT NOT NULL,
  created_by_name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK (ends_at > starts_at),
  CHECK (kind = 'course' OR (capacity IS NULL AND age_min_months IS NULL AND age_max_months IS NULL AND apply_until IS NULL))
);
CREATE UNIQUE INDEX events_client_id ON events (organization_id, client_id) WHERE client_id IS NOT NULL;
CREATE INDEX events_by_time ON events (organization_id, starts_at);
CREATE INDEX events_closures ON events (organization_id, facility_id, ends_at) WHERE kind = 'closure' AND status = 'scheduled';

-- One family's application for a course: its children (one seat each) in
-- course_application_children. seq orders the waitlist (the order of
-- applying). An application leaves the course by becoming cancelled.
CREATE TABLE course_applications (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  event_id TEXT NOT NULL REFERENCES events(id),
  family_id TEXT NOT NULL REFERENCES families(id),
  status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
  seats INTEGER NOT NULL CHECK (seats > 0),
  seq BIGINT NOT NULL,
  client_id TEXT,
  created_by_id TEXT NOT NULL,
  created_by_name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  confirmed_at BIGINT,
  cancelled_at BIGINT
);
CREATE UNIQUE INDEX course_applications_client_id ON course_applications (organization_id, client_id) WHERE client_id IS NOT NULL;
CREATE INDEX course_applications_by_event ON course_applications (event_id, status, seq);
CREATE INDEX course_applications_by_family ON course_applications (family_id, event_id);

-- active: 1 while the application is not cancelled, so that a child holds at
-- most one live application per course (course_application_children_once).
CREATE TABLE course_application_children (
  application_id TEXT NOT NULL REFERENCES course_applications(id),
  event_id TEXT NOT NULL REFERENCES events(id),
  child_id TEXT NOT NULL REFERENCES children(id),
  active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (application_id, child_id)
);
CREATE UNIQUE INDEX course_application_children_once ON course_application_children (event_id, child_id) WHERE active = 1;

-- The family's secret feed link (one per family; replacing it changes token).
CREATE TABLE calendar_feeds (
  family_id TEXT PRIMARY KEY REFERENCES families(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  token TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);
