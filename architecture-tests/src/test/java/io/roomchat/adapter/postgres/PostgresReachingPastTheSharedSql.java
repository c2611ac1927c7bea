package io.roomchat.adapter.postgres;

import io.roomchat.adapter.jdbc.fixture.JdbcInternal;

/**
 * A violation on purpose: the PostgreSQL adapter using a JDBC adapter class outside {@code io.roomchat.adapter.jdbc},
 * the one package the two share.
 */
public final class PostgresReachingPastTheSharedSql {
    public String call(JdbcInternal internal) {
        return internal.name();
    }
}
