package io.roomchat.core.application;

import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.in.PublishOutcome;

/**
 * A post without a connection (the server API): the posting rules of {@link PostingMessage}, with no membership to
 * check and no joined name to fall back on.
 */
final class Publishing {
    private final PostingMessage posting;

    Publishing(PostingMessage posting) {
        this.posting = posting;
    }

    PublishOutcome publish(UserId author, PostMessageCommand post) {
        return posting.postAs(author, post.name().orElseGet(() -> nameOf(author)), post);
    }

    /** Without a {@code name}, members see the author's id, cut to a display name's length. */
    static DisplayName nameOf(UserId author) {
        String id = author.value();
        int codePoints = id.codePointCount(0, id.length());
        return new DisplayName(id.substring(0, id.offsetByCodePoints(0, Math.min(codePoints, DisplayName.MAX_LENGTH))));
    }
}
