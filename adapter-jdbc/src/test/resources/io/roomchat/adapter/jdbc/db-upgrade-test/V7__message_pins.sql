-- A made-up next version, to test upgrading a database that is at an older version. Two statements on purpose.
ALTER TABLE messages ADD COLUMN IF NOT EXISTS pinned BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX IF NOT EXISTS messages_pinned ON messages (room, pinned);
