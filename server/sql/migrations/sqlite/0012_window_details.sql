-- What the window and the family record were missing: who may go home alone
-- (set by the guardians) and whether a departure went so; the guardians'
-- furigana and own phone; the kiosk's staff PIN (hashed, per facility) with the
-- kiosk's open staff menu and its count of wrong PINs; and the care texts of a
-- child (allergies, medical needs, staff notes), kept in their own table so that
-- no listing of children reads them by accident.
ALTER TABLE children ADD COLUMN may_leave_alone INTEGER NOT NULL DEFAULT 0;
ALTER TABLE visits ADD COLUMN left_alone INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN name_kana TEXT;
ALTER TABLE users ADD COLUMN phone TEXT;
ALTER TABLE facilities ADD COLUMN kiosk_pin_hash TEXT;
ALTER TABLE kiosks ADD COLUMN unlocked_until BIGINT;
ALTER TABLE kiosks ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE kiosks ADD COLUMN pin_locked_until BIGINT;

CREATE TABLE child_care (
  child_id TEXT PRIMARY KEY REFERENCES children(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  allergy TEXT,
  medical TEXT,
  notes TEXT,
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL
);
