package io.roomchat.adapter.jetty;

import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.UserId;

/** Signs a short-lived token for anyone who asks: dev mode only, behind {@code POST /dev/token}. */
@FunctionalInterface
public interface DevTokens {

    String issue(UserId userId, DisplayName name);
}
