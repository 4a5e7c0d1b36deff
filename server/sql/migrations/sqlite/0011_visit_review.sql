-- Why an arrival needs staff's review (needs_review), when the window let it
-- through: absent_plan (the child was reported absent that day) or
-- after_closing (it came after the facility's closing time). NULL for the
-- others, and for visits closed by the auto-close job (auto_closed says so).
ALTER TABLE visits ADD COLUMN review_reason TEXT;
