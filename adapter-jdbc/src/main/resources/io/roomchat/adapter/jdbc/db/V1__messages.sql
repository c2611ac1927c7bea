-- Every room's messages. Times are epoch milliseconds (UTC). A deleted message keeps its row, without text.
-- Lengths are in UTF-16 units, twice the domain's limits in characters; the domain checks the real limits.
CREATE TABLE IF NOT EXISTS messages (
    message_id  CHARACTER VARYING(128) NOT NULL,
    room        CHARACTER VARYING(256) NOT NULL,
    posted_at   BIGINT                 NOT NULL,
    modified_at BIGINT                 NOT NULL,
    author      CHARACTER VARYING(512) NOT NULL,
    author_name CHARACTER VARYING(128) NOT NULL,
    text        CHARACTER VARYING,
    deleted     BOOLEAN                NOT NULL,
    CONSTRAINT messages_pk PRIMARY KEY (message_id),
    -- One message per room and millisecond; its index also serves every page query
    -- (WHERE room = ? AND posted_at < or > ? ORDER BY posted_at, either direction).
    CONSTRAINT messages_room_posted_at UNIQUE (room, posted_at),
    CONSTRAINT messages_text_unless_deleted CHECK (deleted = (text IS NULL)),
    CONSTRAINT messages_modified_not_before_posted CHECK (modified_at >= posted_at)
);
