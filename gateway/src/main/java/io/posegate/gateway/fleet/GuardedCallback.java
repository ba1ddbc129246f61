package io.posegate.gateway.fleet;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.posegate.gateway.security.Redaction;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Wraps an MQTT subscription callback so that no exception escapes it: the HiveMQ client ends a subscription
 * for good when its callback throws, so one malformed message would blind it to every later one. A failure
 * is logged (redacted) with the message's topic and the message is dropped.
 */
public final class GuardedCallback implements Consumer<Mqtt5Publish> {
    private static final Logger LOG = Logger.getLogger(GuardedCallback.class.getName());
    private final String who;
    private final Consumer<Mqtt5Publish> handler;

    private GuardedCallback(String who, Consumer<Mqtt5Publish> handler) {
        this.who = who;
        this.handler = handler;
    }

    /** @param who names the receiver in logs, e.g. "hub" */
    public static Consumer<Mqtt5Publish> of(String who, Consumer<Mqtt5Publish> handler) {
        return new GuardedCallback(who, handler);
    }

    @Override
    public void accept(Mqtt5Publish message) {
        try {
            handler.accept(message);
        } catch (RuntimeException e) {
            LOG.warning(Redaction.text(who + ": dropped a message on " + message.getTopic() + ": "
                    + e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }
}
