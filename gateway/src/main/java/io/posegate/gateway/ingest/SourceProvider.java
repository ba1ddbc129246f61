package io.posegate.gateway.ingest;

/**
 * Registers the video source schemes of one package with a {@link SourceFactory}. The one way sources
 * are added: {@link Sources#defaultFactory} finds every provider with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.posegate.gateway.ingest.SourceProvider}), so this package never names
 * the packages that implement sources (no package cycle).
 *
 * <p>Implementations are stateless with a public no-argument constructor. {@link #register} runs once
 * per factory, at start-up, on the caller's thread; the creators it registers must be cheap, do no
 * I/O and be safe on any thread (see {@link SourceFactory#create}).
 */
public interface SourceProvider {
    /**
     * Registers this provider's schemes in {@code factory}; the creators may keep {@code context}.
     *
     * @param context the ingest policy and the webcam hub of the gateway being built
     */
    void register(SourceFactory factory, SourceContext context);
}
