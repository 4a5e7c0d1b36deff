-- The confirmation e-mail of a pre-registration sent with an address: pending
-- until the background job has sent it (mail_next_at: when to try next, and
-- the lease of the process trying), then sent; failed when the mail server
-- refused it for good or after every retry.
ALTER TABLE registrations ADD COLUMN mail_status TEXT CHECK (mail_status IN ('pending', 'sent', 'failed'));
ALTER TABLE registrations ADD COLUMN mail_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE registrations ADD COLUMN mail_next_at BIGINT;
CREATE INDEX registrations_mail_due ON registrations (mail_next_at) WHERE mail_status = 'pending';
