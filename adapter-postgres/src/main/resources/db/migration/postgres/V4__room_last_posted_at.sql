-- The postedAt of each room's newest message, stamped under the room's seq row lock: a new message is posted at
-- max(its proposed time, last_posted_at + 1 ms), so within a room postedAt order is seq order on every node, and
-- (room, posted_at) stays unique without a retry. NULL (a room whose counter an edit created, or a node on the
-- previous build still posting) reads as "no constraint": that node's collisions are refused and retried as before.
ALTER TABLE room_seqs ADD COLUMN last_posted_at BIGINT;
UPDATE room_seqs SET last_posted_at = (SELECT max(posted_at) FROM messages WHERE messages.room = room_seqs.room);
