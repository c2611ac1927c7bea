-- The chat's schema on PostgreSQL: the tables of adapter-jdbc's H2 schema (V1-V4 there), in their final form.
-- Times are epoch milliseconds (UTC). Lengths are twice the domain's limits, as on H2; the domain checks the
-- real ones.

-- Every room's messages. A deleted message keeps its row, without text. seq: the room's seq of the message's
-- latest change (new, edit, delete).
CREATE TABLE messages (
    message_id        VARCHAR(128) NOT NULL,
    room              VARCHAR(256) NOT NULL,
    posted_at         BIGINT       NOT NULL,
    modified_at       BIGINT       NOT NULL,
    author            VARCHAR(512) NOT NULL,
    author_name       VARCHAR(128) NOT NULL,
    text              TEXT,
    deleted           BOOLEAN      NOT NULL,
    seq               BIGINT       NOT NULL,
    -- A client's own key for a new message, so that a resent post is stored once per room and author.
    -- Messages without one (NULL) never collide: NULLs are distinct in a unique index.
    client_message_id VARCHAR(128),
    CONSTRAINT messages_pk PRIMARY KEY (message_id),
    -- One message per room and millisecond; its index serves the history pages, in either direction.
    CONSTRAINT messages_room_posted_at UNIQUE (room, posted_at),
    CONSTRAINT messages_text_unless_deleted CHECK (deleted = (text IS NULL)),
    CONSTRAINT messages_modified_not_before_posted CHECK (modified_at >= posted_at)
);
CREATE UNIQUE INDEX messages_client_key ON messages (room, author, client_message_id);
-- One change per room and seq; its index serves the since pages.
CREATE UNIQUE INDEX messages_room_seq ON messages (room, seq);

-- Each room's latest seq. A write raises it first in its own transaction; the row lock it takes orders the
-- room's writers across every node, so commit order is seq order and a rolled-back write gives its seq back.
CREATE TABLE room_seqs (
    room VARCHAR(256) NOT NULL,
    seq  BIGINT       NOT NULL,
    CONSTRAINT room_seqs_pk PRIMARY KEY (room)
);

-- How far each user has read in each room: the postedAt of the latest message read there. Only moves forward.
CREATE TABLE read_positions (
    author    VARCHAR(512) NOT NULL,
    room      VARCHAR(256) NOT NULL,
    posted_at BIGINT       NOT NULL,
    CONSTRAINT read_positions_pk PRIMARY KEY (author, room)
);
