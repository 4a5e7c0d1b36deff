-- Surveys (アンケート) staff send to the families an audience reaches, and
-- each family's one response. The notifications a survey sends are outbox
-- rows (0004) written in the same transaction.

-- questions: the questions as sent (JSON array of {id, kind, text, options?,
-- required}); audience: the audience as sent (JSON); channels: as chosen.
-- closed_at: when staff closed it early (answers are refused from
-- min(closes_at, closed_at)). families: how many it reached when sent.
CREATE TABLE surveys (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  questions TEXT NOT NULL,
  audience TEXT NOT NULL,
  channels TEXT NOT NULL,
  closes_at BIGINT NOT NULL,
  closed_at BIGINT,
  families INTEGER NOT NULL DEFAULT 0,
  guardians INTEGER NOT NULL DEFAULT 0,
  client_id TEXT,
  created_by_id TEXT NOT NULL,
  created_by_name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX surveys_client_id ON surveys (organization_id, client_id) WHERE client_id IS NOT NULL;
CREATE INDEX surveys_by_organization ON surveys (organization_id, id);

-- The facilities a survey addresses, as for messages (0007).
CREATE TABLE survey_facilities (
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  facility_id TEXT NOT NULL REFERENCES facilities(id),
  PRIMARY KEY (survey_id, facility_id)
);
CREATE INDEX survey_facilities_by_facility ON survey_facilities (facility_id, survey_id);

-- One row per family the survey reached; answers (JSON object, question id ->
-- value) once the family answered, replaced by each later answer until the
-- survey closes. answered_by_name keeps who answered last, as they were then.
CREATE TABLE survey_recipients (
  survey_id TEXT NOT NULL REFERENCES surveys(id),
  family_id TEXT NOT NULL REFERENCES families(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  answers TEXT,
  first_answered_at BIGINT,
  answered_at BIGINT,
  answered_by_id TEXT,
  answered_by_name TEXT,
  reminders INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (survey_id, family_id)
);
CREATE INDEX survey_recipients_by_family ON survey_recipients (family_id, survey_id);
