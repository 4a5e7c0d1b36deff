-- Messages (お知らせ) from staff to the families an audience reaches, their
-- attachments, and each family's receipt. The notifications a message sends
-- are outbox rows (0004) written in the same transaction.

-- Files staff upload for messages (PDF newsletters, pictures), kept in the
-- database as base64 so both databases store them alike.
CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size BIGINT NOT NULL,
  data TEXT NOT NULL,
  created_by_id TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

-- audience: the audience as sent (JSON); channels: "push,email,inapp" as
-- chosen; families and guardians: how many it reached when it was sent.
-- A scheduled message waits in messages_due until send_at; created_by_name
-- and ended_by_name keep who did it as it was then.
CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  priority TEXT NOT NULL CHECK (priority IN ('normal', 'emergency')),
  audience TEXT NOT NULL,
  channels TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'sent', 'cancelled')),
  send_at BIGINT NOT NULL,
  sent_at BIGINT,
  cancelled_at BIGINT,
  ended_at BIGINT,
  ended_by_name TEXT,
  families INTEGER NOT NULL DEFAULT 0,
  guardians INTEGER NOT NULL DEFAULT 0,
  client_id TEXT,
  created_by_id TEXT NOT NULL,
  created_by_name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX messages_client_id ON messages (organization_id, client_id) WHERE client_id IS NOT NULL;
CREATE INDEX messages_by_organization ON messages (organization_id, id);
CREATE INDEX messages_due ON messages (send_at) WHERE status = 'scheduled';

-- The facilities a message addresses (its audience's, or every facility its
-- sender could reach): facility staff see and manage a message only when all
-- of them are theirs.
CREATE TABLE message_facilities (
  message_id TEXT NOT NULL REFERENCES messages(id),
  facility_id TEXT NOT NULL REFERENCES facilities(id),
  PRIMARY KEY (message_id, facility_id)
);
CREATE INDEX message_facilities_by_facility ON message_facilities (facility_id, message_id);

CREATE TABLE message_attachments (
  message_id TEXT NOT NULL REFERENCES messages(id),
  attachment_id TEXT NOT NULL REFERENCES attachments(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (message_id, attachment_id)
);
CREATE INDEX message_attachments_by_attachment ON message_attachments (attachment_id);

-- One row per family a sent message reached: its receipt. read_at is the
-- first time any of its guardians opened it; reminders counts the presses of
-- "remind" that reached the family. notified: the family's outbox rows are
-- written (0: not yet — a message to many families writes them in batches
-- after the send, each batch with the flags it sets; see service/messages.h).
CREATE TABLE message_recipients (
  message_id TEXT NOT NULL REFERENCES messages(id),
  family_id TEXT NOT NULL REFERENCES families(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  notified INTEGER NOT NULL DEFAULT 0,
  read_at BIGINT,
  read_by_id TEXT,
  read_by_name TEXT,
  reminders INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (message_id, family_id)
);
CREATE INDEX message_recipients_by_family ON message_recipients (family_id, message_id);
CREATE INDEX message_recipients_to_notify ON message_recipients (message_id, family_id) WHERE notified = 0;

-- Each press of "remind": who pressed it and how many families it reached.
CREATE TABLE message_reminders (
  id TEXT PRIMARY KEY,
  message_id TEXT NOT NULL REFERENCES messages(id),
  by_id TEXT NOT NULL,
  by_name TEXT NOT NULL,
  families INTEGER NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX message_reminders_by_message ON message_reminders (message_id, at);
