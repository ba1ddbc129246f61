package io.posegate.gateway.fleet;

/** The broker a fleet test runs on: a mosquitto process or the hub's embedded HiveMQ CE. */
interface FleetBroker extends AutoCloseable {
    String url();

    /** Stops and starts the broker again on the same port with the same persistence. */
    void restart() throws Exception;

    /** Stops the broker until {@link #restart()}; {@link #close()} after it does nothing more. */
    void stop() throws Exception;
}
