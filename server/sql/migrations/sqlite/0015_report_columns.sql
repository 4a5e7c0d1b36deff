-- Which figures an organization's monthly usage report shows, in which order
-- (rules/report_columns.h): {"drop_in": [...], "after_school": [...]} as JSON.
-- No row: the defaults.
CREATE TABLE report_settings (
  organization_id TEXT PRIMARY KEY REFERENCES organizations(id),
  columns TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
