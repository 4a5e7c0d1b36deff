-- Notifications: the outbox (one row per guardian, channel and device; the
-- in-app rows are the inbox), each delivery attempt, guardians' preferences and
-- their browsers' push subscriptions.

CREATE TABLE notification_preferences (
  user_id TEXT PRIMARY KEY REFERENCES users(id),
  stamps_push INTEGER NOT NULL DEFAULT 1,
  stamps_email INTEGER NOT NULL DEFAULT 1,
  stamps_inapp INTEGER NOT NULL DEFAULT 1,
  messages_push INTEGER NOT NULL DEFAULT 1,
  messages_email INTEGER NOT NULL DEFAULT 1,
  messages_inapp INTEGER NOT NULL DEFAULT 1,
  quiet_from INTEGER,  -- minutes since midnight, with quiet_to; NULL: no quiet hours
  quiet_to INTEGER,
  language TEXT NOT NULL DEFAULT 'ja' CHECK (language IN ('ja', 'en')),
  updated_at BIGINT NOT NULL
);

CREATE TABLE push_subscriptions (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  endpoint TEXT NOT NULL UNIQUE,
  p256dh TEXT NOT NULL,
  auth TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX push_subscriptions_by_user ON push_subscriptions (user_id);

CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  channel TEXT NOT NULL CHECK (channel IN ('push', 'email', 'inapp')),
  kind TEXT NOT NULL,
  event_key TEXT NOT NULL,       -- the event told; with user, channel and target it is unique
  target TEXT NOT NULL DEFAULT '',  -- push: the subscription id; e-mail: the address
  facility_id TEXT,
  child_id TEXT,
  payload TEXT NOT NULL,         -- JSON: title, body and the event's fields
  urgent INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead', 'cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  claimed_until BIGINT,          -- a worker's lease while it delivers
  last_error TEXT,
  created_at BIGINT NOT NULL,
  retried_at BIGINT,             -- staff retried a dead row: the give-up time counts from here
  delivered_at BIGINT,
  read_at BIGINT,
  UNIQUE (event_key, user_id, channel, target)
);
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notifications_inbox ON notifications (user_id, id) WHERE channel = 'inapp';
CREATE INDEX notifications_by_organization ON notifications (organization_id, id);

CREATE TABLE notification_attempts (
  notification_id TEXT NOT NULL REFERENCES notifications(id),
  at BIGINT NOT NULL,
  result TEXT NOT NULL,  -- delivered | retry | dead | cancelled
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX notification_attempts_by_notification ON notification_attempts (notification_id, at);
