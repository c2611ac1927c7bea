-- How far each user has read in each room: the postedAt (epoch milliseconds) of the latest message read there.
-- It only moves forward. Lengths as in messages.
CREATE TABLE IF NOT EXISTS read_positions (
    author    CHARACTER VARYING(512) NOT NULL,
    room      CHARACTER VARYING(256) NOT NULL,
    posted_at BIGINT                 NOT NULL,
    CONSTRAINT read_positions_pk PRIMARY KEY (author, room)
);
