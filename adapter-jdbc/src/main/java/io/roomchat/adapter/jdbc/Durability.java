package io.roomchat.adapter.jdbc;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ClientMessageId;
import java.io.IOException;

/**
 * What the message store does after a write's commit so that the write survives a crash of the process or of the
 * machine: told of every committed row ({@link #committed}), then asked to wait until it is durable
 * ({@link #awaitDurable}) before the write is acknowledged.
 *
 * <p>PostgreSQL's commit is durable itself ({@link #atCommit()}). An H2 commit is not: the MVStore keeps committed
 * changes in memory and writes them out later, and making each commit durable in H2 ({@code CHECKPOINT SYNC})
 * rewrites a page of every B-tree the write touched. So the H2 store keeps a write-ahead log of its own
 * ({@code WriteAheadLog}): each committed row is appended to it, many writers share one fsync of it
 * ({@code GroupSync}), and H2's pages are written behind it, by a checkpoint about once a second.
 */
public interface Durability {

    /**
     * Records a write the database has just committed: the message's row as stored, and its client key (null when
     * it has none). Called after the commit, before {@link #awaitDurable()}.
     */
    void committed(ChatMessage row, ClientMessageId clientKey) throws IOException;

    /** Returns once every write recorded before the call is durable. */
    void awaitDurable() throws IOException;

    /** For a database whose commit is durable itself (PostgreSQL syncs its log on commit): nothing to do. */
    static Durability atCommit() {
        return new Durability() {
            @Override
            public void committed(ChatMessage row, ClientMessageId clientKey) {
                // The commit was the durable write.
            }

            @Override
            public void awaitDurable() {
                // Every commit that returned is durable already.
            }
        };
    }
}
