package io.posegate.gateway.fleet;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A plain MQTT 5 client for tests: subscribes into a queue of {topic, payload} and publishes. */
final class MqttProbe implements AutoCloseable {
    final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    private final Mqtt5AsyncClient client;

    MqttProbe(String broker, String clientId, String user, String password) throws Exception {
        URI u = URI.create(broker);
        var b = Mqtt5Client.builder().identifier(clientId).serverHost(u.getHost()).serverPort(u.getPort());
        if (user != null) {
            b = b.simpleAuth().username(user).password(password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        client = b.buildAsync();
        client.connectWith().cleanStart(true).send().get(30, TimeUnit.SECONDS);
    }

    MqttProbe(String broker, String clientId) throws Exception {
        this(broker, clientId, null, null);
    }

    MqttProbe subscribe(String filter) throws Exception {
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).callback(p -> {
            String text = new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8);
            messages.add(new JsonObject().put("topic", p.getTopic().toString()).put("retain", p.isRetain())
                    .put("payload", text.startsWith("{") ? new JsonObject(text) : new JsonObject().put("raw", text)));
        }).send().get(30, TimeUnit.SECONDS);
        return this;
    }

    /** Publishes with QoS 1 and returns the broker's PUBACK reason code (an error code too, not thrown). */
    Mqtt5PubAckReasonCode publish(String topic, JsonObject payload, boolean retain, String responseTopic) throws Exception {
        var b = client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain)
                .payload(payload.encode().getBytes(StandardCharsets.UTF_8));
        if (responseTopic != null) {
            b = b.responseTopic(responseTopic);
        }
        try {
            return ((Mqtt5PublishResult.Mqtt5Qos1Result) b.send().get(30, TimeUnit.SECONDS)).getPubAck().getReasonCode();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Mqtt5PubAckException refused) {
                return refused.getMqttMessage().getReasonCode();
            }
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        client.disconnect().get(10, TimeUnit.SECONDS);
    }
}
