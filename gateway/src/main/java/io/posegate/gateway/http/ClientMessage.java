package io.posegate.gateway.http;

import java.util.Set;

/** A text message a client sent on {@code /ws}, as {@link ClientMessages#parse} understood it. */
sealed interface ClientMessage {
    /** {@code {"type":"subscribe","streams":[…]}}: only these streams from now on; an empty list means all. */
    record Subscribe(Set<String> streams) implements ClientMessage {
        public Subscribe {
            streams = Set.copyOf(streams);
        }
    }

    /** {@code {"type":"auth","token":…}}: the socket's credentials. */
    record Auth(String token) implements ClientMessage {
        @Override
        public String toString() {
            return "Auth[token=(redacted)]";
        }
    }

    /** Anything else: {@code reason} says what was wrong, for the client's {@code error} message. */
    record Invalid(String reason) implements ClientMessage {
    }
}
