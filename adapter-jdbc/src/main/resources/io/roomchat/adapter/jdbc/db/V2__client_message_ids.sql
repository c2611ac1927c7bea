-- A client's own key for a new message (onMessage clientMessageId), so that a resent post is stored once: at
-- most one message per room, author and key. Messages without a key (NULL) never collide, as NULLs are distinct.
-- 64 characters in the domain, so 128 UTF-16 units here.
ALTER TABLE messages ADD COLUMN IF NOT EXISTS client_message_id CHARACTER VARYING(128);
CREATE UNIQUE INDEX IF NOT EXISTS messages_client_key ON messages (room, author, client_message_id);
