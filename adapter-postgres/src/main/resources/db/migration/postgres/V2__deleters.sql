-- Who deleted a message: its author, or a moderator of its room; NULL while it is not deleted. A deleted row
-- without one was deleted by its author (before this column, or by the previous build, which must keep working on
-- this schema while nodes are upgraded one at a time): so no back-fill and no constraint tying it to deleted.
ALTER TABLE messages ADD COLUMN deleted_by VARCHAR(512);
