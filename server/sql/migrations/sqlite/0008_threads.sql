-- Contact threads (連絡): a guardian writes to a facility about a child, staff
-- reply. A thread belongs to the family (every guardian of it reads and writes
-- it) and to the facility (every member of its staff does).
--
-- posts: how many posts it has (the last post's seq); family_read and
-- staff_read: the seq each side has read up to, so a side's unread count is
-- posts - its read mark (a side's own post moves its mark).
CREATE TABLE threads (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  facility_id TEXT NOT NULL REFERENCES facilities(id),
  family_id TEXT NOT NULL REFERENCES families(id),
  child_id TEXT NOT NULL REFERENCES children(id),
  subject TEXT NOT NULL,
  posts INTEGER NOT NULL,
  family_read INTEGER NOT NULL,
  staff_read INTEGER NOT NULL,
  client_id TEXT,
  created_by_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_post_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX threads_client_id ON threads (family_id, client_id) WHERE client_id IS NOT NULL;
CREATE INDEX threads_by_facility ON threads (facility_id, last_post_at, id);
CREATE INDEX threads_by_family ON threads (family_id, last_post_at, id);
-- What staff have not read yet: the count in their navigation.
CREATE INDEX threads_unread_by_staff ON threads (facility_id) WHERE posts > staff_read;

-- author_name keeps who wrote it as they were called then.
CREATE TABLE thread_posts (
  id TEXT PRIMARY KEY,
  thread_id TEXT NOT NULL REFERENCES threads(id),
  seq INTEGER NOT NULL,
  author_kind TEXT NOT NULL CHECK (author_kind IN ('staff', 'guardian')),
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  body TEXT NOT NULL,
  client_id TEXT,
  created_at BIGINT NOT NULL,
  UNIQUE (thread_id, seq)
);
CREATE UNIQUE INDEX thread_posts_client_id ON thread_posts (thread_id, client_id) WHERE client_id IS NOT NULL;
