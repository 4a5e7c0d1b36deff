-- The staff's list of plans waiting for a look (連絡（未確認）): plans not
-- acknowledged that are absences or late changes, by facility and day. The
-- index holds only those rows, so the list reads what it shows however many
-- plans a facility has.
CREATE INDEX plans_pending ON plans (facility_id, date, updated_at, id)
  WHERE acknowledged_at IS NULL AND (status = 'absent' OR late = 1);
