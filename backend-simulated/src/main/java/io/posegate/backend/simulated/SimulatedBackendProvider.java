package io.posegate.backend.simulated;

import static java.util.Objects.requireNonNull;

import io.posegate.spi.BackendException;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ErrorCode;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code simulated} backend of the demo: a stand-in for a pose network that outputs the heatmaps
 * and Part Affinity Fields a perfect network would give for the demo scene. Like any backend it sees
 * only the input tensor: it recovers the joints from the colour-coded markers the scene paints (see
 * {@link io.posegate.grouping.synth.MarkerCode}), then renders training-style targets for them. It does no real inference and
 * finds nobody in a real picture.
 *
 * <p>Accepts its own format {@link #FORMAT} files ({@code config/models/demo.sim.properties}, see {@link SimulatedModel}); always
 * available; lowest priority (0), so {@code backend: auto} never picks it for a real model. It takes
 * no options. Stateless and thread-safe.
 */
public final class SimulatedBackendProvider implements BackendProvider {
    static final String NAME = "simulated";
    /** A synthetic model description ({@code .sim.properties}); no network inside. Declared here, not in the SPI. */
    public static final ModelFormat FORMAT = ModelFormat.of("simulated", ".sim.properties", ".sim");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Probe probe() {
        return Probe.available("simulated network for the demo scene (no real inference)", Set.of(FORMAT),
                List.of("CPU", "demo"), Map.of("inference", "none: decodes the demo scene's joint markers"));
    }

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(FORMAT);
    }

    /**
     * @throws BackendException {@link ErrorCode#UNSUPPORTED_FORMAT} for anything but a simulated model,
     *                          {@link ErrorCode#INVALID_OPTION} for any option,
     *                          {@link ErrorCode#MODEL_NOT_FOUND}, {@link ErrorCode#MODEL_INVALID},
     *                          {@link ErrorCode#MODEL_MISMATCH} naming the file, field, input or output
     */
    @Override
    public BackendSession open(ModelSpec model, BackendOptions options) {
        requireNonNull(model, "model is null");
        requireNonNull(options, "options is null");
        if (!FORMAT.equals(model.format())) {
            throw new BackendException(ErrorCode.UNSUPPORTED_FORMAT, "the simulated backend runs only '"
                    + FORMAT.id() + "' models, not '" + model.format().id() + "' (" + model.file() + ")");
        }
        options.requireOnly(NAME, Set.of());
        return new SimulatedSession(SimulatedModel.load(model.file()), model);
    }
}
