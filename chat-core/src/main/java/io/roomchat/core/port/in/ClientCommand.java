package io.roomchat.core.port.in;

/** A decoded client frame: one of the actions of the wire protocol. */
public sealed interface ClientCommand
        permits JoinRoomCommand, LeaveRoomCommand, PostMessageCommand, ChangeMessageCommand, ReadHistoryQuery,
        TypingCommand, MarkReadCommand, PresenceQuery, KickCommand {
}
