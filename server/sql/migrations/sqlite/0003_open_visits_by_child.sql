-- Finding a child's open visit must not walk the child's whole history
-- (a year of visits per child): index only the open ones.
CREATE INDEX visits_open_by_child ON visits (child_id, facility_id, in_at) WHERE out_at IS NULL;
