package io.posegate.gateway.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code fleet:} section: this box as a member of a fleet on an MQTT 5 broker. Off (the default) when
 * {@code broker} is null; a single box then behaves as if the fleet did not exist.
 *
 * @param broker          {@code mqtt://HOST:PORT} or {@code mqtts://HOST:PORT} (TLS), or null when off
 * @param boxId           this box's id, the {@code {id}} of its topics
 * @param groups          the groups whose desired config this box follows
 * @param username        broker user name, or null
 * @param password        broker password, or null; never logged or shown (see {@link #toString()})
 * @param trustStore      a PKCS#12/JKS trust store for TLS, or null for the JVM's trusted CAs
 * @param stateDir        where the boot counter and the last-known-good config live
 * @param soakSeconds     how long a newly applied config must stay healthy before it is reported 200
 * @param posesMaxFps     pose frames per stream per second on {@code cam/{stream}/poses}; 0 = off (default)
 * @param dashboardUrl    the address of this box's dashboard the hub links to, or null to build it from the HTTP
 *                        settings (see {@code fleet.DashboardUrl})
 */
public record FleetConfig(String broker, String boxId, List<String> groups, String username, String password,
                          Path trustStore, String trustStorePassword, Path stateDir, int keepAliveSeconds,
                          int willDelaySeconds, int metricsSeconds, int soakSeconds, double posesMaxFps,
                          String dashboardUrl) {
    /** The fleet switched off. */
    public static final FleetConfig OFF = new FleetConfig(null, null, List.of(), null, null, null, null, null, 10, 5, 5, 10, 0, null);

    public FleetConfig {
        groups = List.copyOf(groups);
    }

    public boolean enabled() {
        return broker != null;
    }

    public boolean tls() {
        return broker != null && broker.startsWith("mqtts://");
    }

    @Override
    public String toString() {
        return "FleetConfig[broker=" + io.posegate.gateway.security.Redaction.uri(broker) + ", boxId=" + boxId + ", groups=" + groups + ", username=" + username
                + ", password=" + (password == null ? null : "***") + ", stateDir=" + stateDir + ", dashboardUrl=" + dashboardUrl + "]";
    }
}
