-- Every stored change of a room (new message, edit, delete) takes the room's next sequence number; a message row
-- carries the seq of its latest change. room_seqs holds each room's latest seq: a write raises it in its own
-- transaction, whose row lock orders the room's writes, so commit order is seq order.
ALTER TABLE messages ADD COLUMN IF NOT EXISTS seq BIGINT;
-- Messages stored by an older schema get seqs 1, 2, 3… per room, in the order of their latest change.
MERGE INTO messages (message_id, seq) KEY (message_id)
    SELECT message_id, ROW_NUMBER() OVER (PARTITION BY room ORDER BY modified_at, posted_at, message_id)
    FROM messages WHERE seq IS NULL;
ALTER TABLE messages ALTER COLUMN seq SET NOT NULL;
-- One change per room and seq; its index also serves the since query (WHERE room = ? AND seq > ? ORDER BY seq).
CREATE UNIQUE INDEX IF NOT EXISTS messages_room_seq ON messages (room, seq);
CREATE TABLE IF NOT EXISTS room_seqs (
    room CHARACTER VARYING(256) NOT NULL,
    seq  BIGINT                 NOT NULL,
    CONSTRAINT room_seqs_pk PRIMARY KEY (room)
);
MERGE INTO room_seqs (room, seq) KEY (room) SELECT room, MAX(seq) FROM messages GROUP BY room;
