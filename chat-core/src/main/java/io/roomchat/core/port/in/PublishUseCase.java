package io.roomchat.core.port.in;

import io.roomchat.core.domain.UserId;

/**
 * Posts as a user without a connection: the server API's door for bots, system notices and back-end jobs
 * (docs/protocol.md, "Server API"). The same rules as a post over a socket (text limit, idempotent client keys,
 * {@code seq}, durable before the answer, fan-out to every member) except membership: the caller is trusted to
 * have checked who {@code author} is, as the server API does with a {@code chat:publish} token.
 */
public interface PublishUseCase {

    /** Never throws for a rule that says no (that is a {@link PublishOutcome.Refused}); storage trouble throws. */
    PublishOutcome publish(UserId author, PostMessageCommand post);
}
