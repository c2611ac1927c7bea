-- Who deleted a message: its author, or a moderator of its room; NULL while it is not deleted. A deleted row
-- without one was deleted by its author: before this column (only authors could delete then), or by the previous
-- build, which must keep working on this schema; so there is no back-fill and no constraint tying it to deleted.
ALTER TABLE messages ADD COLUMN IF NOT EXISTS deleted_by CHARACTER VARYING(512);
