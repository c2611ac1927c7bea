package io.roomchat.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Lends a connection for one operation; closing it gives it back. */
@FunctionalInterface
public interface ConnectionSource {

    Connection open() throws SQLException;
}
