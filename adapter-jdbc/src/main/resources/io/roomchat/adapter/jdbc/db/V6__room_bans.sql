-- Who may not join which room until when (epoch milliseconds): a moderator's kick with minutes stores one. A ban
-- only ever moves to a later end; an ended one stays until replaced, harmless, as it reads as none.
CREATE TABLE IF NOT EXISTS room_bans (
    room         CHARACTER VARYING(256) NOT NULL,
    banned_user  CHARACTER VARYING(512) NOT NULL,
    banned_until BIGINT                 NOT NULL,
    CONSTRAINT room_bans_pk PRIMARY KEY (room, banned_user)
);
