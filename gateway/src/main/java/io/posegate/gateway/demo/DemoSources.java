package io.posegate.gateway.demo;

import io.posegate.gateway.ingest.SourceContext;
import io.posegate.gateway.ingest.SourceFactory;
import io.posegate.gateway.ingest.SourceProvider;

/** Registers {@code demo:?people=4&...}, the {@link DemoSource}, like any other source. */
public final class DemoSources implements SourceProvider {
    @Override
    public void register(SourceFactory factory, SourceContext context) {
        factory.register("demo", DemoSource::new);
    }
}
