/**
 * Wire protocol v1 (docs/protocol.md) as JSON text, shared by the Jetty and Lambda adapters. {@link
 * io.roomchat.wire.WireCodec} is the one public type, with the {@link io.roomchat.wire.DecodedFrame} it returns,
 * besides {@link io.roomchat.wire.FramePipeline} and the server API's HTTP decisions, {@link
 * io.roomchat.wire.ServerApi}, which read a request's body with the same decoder as an {@code onMessage} frame.
 *
 * <h2>Decoding choices</h2>
 * <ul>
 *   <li>A frame is one strict JSON object: no comments, single quotes, NaN, trailing commas, duplicate keys (at any
 *       depth) or anything after the object. Bounds: 64 Ki characters, nesting depth 16, numbers of 32 characters,
 *       field names of 256, 16 Ki tokens; beyond them the frame is a 400, never an exception, whose body names the
 *       frame's field the value sits in, however deep ({@code "limit: out of range"} for a 400-digit number,
 *       {@code "x: too large or too deeply nested"}); only a bound passed outside any field names the frame.</li>
 *   <li>Unknown fields are ignored (the original client sends {@code userId}; the original echoed {@code action}).
 *       A JSON {@code null} counts as an absent field.</li>
 *   <li>{@code requestId} is read first (a string of at most 64 characters), so that every later rejection is
 *       still echoed with it; an invalid one is rejected and not echoed.</li>
 *   <li>{@code onMessage} with {@code postedAt} or {@code messageId} is an edit, or with {@code isDeleted: true} a
 *       delete. Given both references, {@code messageId} wins (it names one message even where two share a
 *       millisecond), but a given {@code postedAt} must still be valid. {@code userId} is type-checked and
 *       dropped: the core checks the stored author. {@code isDeleted: true} without a reference is a 400.</li>
 *   <li>{@code clientMessageId} (1-64 characters, no control characters) is carried on a new message only; in an
 *       edit or delete it is a 400, as it would promise a safety it does not give there.</li>
 *   <li>Times are read as ISO-8601 instants with 0-9 fraction digits and {@code Z} or an offset, years
 *       0000-9999, and kept to the millisecond; they are written as UTC with exactly three fraction digits.</li>
 *   <li>{@code limit} must be an integer; its range, like the message text's length (413), is the core's rule.</li>
 *   <li>Strings with unpaired surrogates (a JSON escape can produce one) are rejected: no UTF-8 frame could
 *       carry them back out. The encoder replaces any that reach it another way with U+FFFD.</li>
 *   <li>Bodies name the field: {@code "room: must be a string"}, or the domain type's own message such as
 *       {@code "room must be 1-128 characters"}. An echoed client value is cut to 32 characters with control and
 *       invisible characters shown as {@code ?}.</li>
 * </ul>
 */
package io.roomchat.wire;
