package io.posegate.gateway.model;

import io.posegate.grouping.FeatureMap;
import io.posegate.spi.ElementType;
import io.posegate.spi.Tensor;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * One output role as a {@link FeatureMap}: a zero-copy view of the tensor's channel range when the
 * values need no conversion (FLOAT32, scale 1, zero point 0, and for NHWC all channels), otherwise the
 * real values {@code (stored - zeroPoint) * scale} of the range, planar, in a reused array. The map (and the
 * buffer views under it) is made once per (tensor, item) and kept for up to {@link #RECENT} of them, those converting
 * into an array since replaced first, then the least recently used (logged once when that keeps happening), so the
 * same {@link Tensor} objects coming back (a worker's {@code HeldOutputs} hands out one per output and batch size, so
 * batches of varying size alternate them) find their maps; a converted map's values are converted again on every
 * call. {@link #clear()} lets go of them all (a change of runtime). Not thread-safe: one per decoder.
 */
final class RoleView {
    private final String role;
    private final TensorRef ref;
    private final TensorLayout layout;
    private float[] converted = new float[0];
    private FloatBuffer convertedView;
    private static final Logger LOG = Logger.getLogger(RoleView.class.getName());
    /**
     * How many (tensor, item) maps are kept: more than one decoder sees in turn (a worker's held outputs, one tensor per
     * batch size, at most 64 of them, each decoder of a batch reading its own item; or a backend's outputs, one per run
     * slot, at most 64).
     */
    static final int RECENT = 128;
    /** Recent (tensor, item) maps; a tensor is immutable, so the same object means the same memory. */
    private final Viewed[] recent = new Viewed[RECENT];
    private long uses;
    /** Entries replaced while none was stale (a full cache missing); logged once when it reaches {@link #RECENT}. */
    private long replaced;
    /** Set by {@link #convert}: the source views and geometry of the map it made (null views for a zero-copy map). */
    private FloatBuffer madeFloats;
    private ByteBuffer madeBytes;
    private int madeBase;
    private int madeChannelsInTensor;
    private boolean madePlanar;

    /** One (tensor, item) viewed, its map and, for a converted map, what to convert from again and into which array. */
    private static final class Viewed {
        Tensor tensor;
        int item;
        FeatureMap map;
        FloatBuffer floats;
        ByteBuffer bytes;
        int base;
        int channelsInTensor;
        boolean planar;
        float[] into;
        long used;
    }

    RoleView(String role, TensorRef ref, TensorLayout layout) {
        this.role = role;
        this.ref = ref;
        this.layout = layout;
    }

    /** @throws IllegalArgumentException naming the output when its shape or type does not fit */
    FeatureMap view(Tensor t) {
        return view(t, 0);
    }

    /**
     * Item {@code item} of a batched output {@code [N,C,H,W]} / {@code [N,H,W,C]} (a view of its memory when
     * no conversion is needed).
     *
     * @throws IllegalArgumentException naming the output when its shape or type does not fit, or it has no such item
     */
    FeatureMap view(Tensor t, int item) {
        int victim = -1;
        int stale = -1;
        for (int i = 0; i < recent.length; i++) {
            Viewed v = recent[i];
            if (v == null || v.tensor == null) {
                victim = i;
                stale = i;
                break;
            }
            if (v.tensor == t && v.item == item && (v.into == null || v.into == converted)) {
                v.used = ++uses;
                if (v.into != null) {
                    convertInto(t.type(), v.floats, v.bytes, v.base, v.channelsInTensor, v.map.channels(),
                            v.map.height() * v.map.width(), v.planar);
                }
                return v.map;
            }
            if (v.into != null && v.into != converted) {
                if (stale < 0 || v.used < recent[stale].used) {
                    stale = i;  // converts into an array since replaced: never found again, the first to go
                }
            } else if (victim < 0 || v.used < recent[victim].used) {
                victim = i;
            }
        }
        if (stale >= 0) {
            victim = stale;
        } else if (++replaced == RECENT) {
            LOG.warning("output role '" + role + "' was viewed over more than " + RECENT + " distinct (tensor, item) pairs in"
                    + " turn; its maps are now made again for most frames");
        }
        FeatureMap m = makeView(t, item);
        Viewed v = recent[victim] == null ? new Viewed() : recent[victim];
        v.tensor = t;
        v.item = item;
        v.map = m;
        v.floats = madeFloats;
        v.bytes = madeBytes;
        v.base = madeBase;
        v.channelsInTensor = madeChannelsInTensor;
        v.planar = madePlanar;
        v.into = madeFloats != null || madeBytes != null ? converted : null;
        v.used = ++uses;
        recent[victim] = v;
        return m;
    }

    /**
     * Lets go of every kept map and the tensors under them (the outputs of a runtime no longer used, which would
     * otherwise stay reachable from here).
     */
    void clear() {
        for (Viewed v : recent) {
            if (v != null) {
                v.tensor = null;
                v.map = null;
                v.floats = null;
                v.bytes = null;
                v.into = null;
                v.used = 0;
            }
        }
    }

    /** How many (tensor, item) maps it keeps. */
    int size() {
        int n = 0;
        for (Viewed v : recent) {
            n += v != null && v.tensor != null ? 1 : 0;
        }
        return n;
    }

    /** Whether it keeps a map over {@code t}. */
    boolean holds(Tensor t) {
        for (Viewed v : recent) {
            if (v != null && v.tensor == t) {
                return true;
            }
        }
        return false;
    }

    private FeatureMap makeView(Tensor t, int item) {
        madeFloats = null;
        madeBytes = null;
        long[] s = mapShape(t.shape());
        if (s == null) {
            throw new IllegalArgumentException("output '" + t.name() + "' (" + role + ") must be [N,C,H,W] or [N,H,W,C], got "
                    + Arrays.toString(t.shape()));
        }
        if (item < 0 || item >= s[0]) {
            throw new IllegalArgumentException("output '" + t.name() + "' (" + role + ") of shape " + Arrays.toString(t.shape())
                    + " has no batch item " + item);
        }
        boolean planar = layout == TensorLayout.NCHW;
        int c = (int) (planar ? s[1] : s[3]);
        int h = (int) (planar ? s[2] : s[1]);
        int w = (int) (planar ? s[3] : s[2]);
        int to = ref.channelTo() < 0 ? c : ref.channelTo();
        if (to > c) {
            throw new IllegalArgumentException("output '" + t.name() + "' (" + role + ") has " + c
                    + " channels; the descriptor reads up to " + to);
        }
        int channels = to - ref.channelFrom();
        int plane = h * w;
        int base = item * c * plane;
        if (t.type() == ElementType.FLOAT32 && ref.identity()) {
            FloatBuffer all = t.floats();
            if (planar) {
                return new FeatureMap(all.slice(base + ref.channelFrom() * plane, channels * plane), channels, h, w);
            }
            if (channels == c) {
                return new FeatureMap(s[0] == 1 ? all : all.slice(base, c * plane), c, h, w, FeatureMap.Layout.HWC);
            }
        }
        return convert(t, base, c, h, w, channels, planar);
    }

    /**
     * The 4-D map shape of an output: its own shape, or a 5-D one with a trailing 1 (Open Model Zoo's
     * associative-embedding tags are [1,K,H,W,1]) without it; null for anything else. The first dimension
     * is the batch (1 for a single frame).
     */
    static long[] mapShape(long[] shape) {
        if (shape.length == 5 && shape[4] == 1) {
            shape = Arrays.copyOf(shape, 4);
        }
        return shape.length == 4 && shape[0] >= 1 ? shape : null;
    }

    private FeatureMap convert(Tensor t, int base, int c, int h, int w, int channels, boolean planar) {
        int plane = h * w;
        if (converted.length < channels * plane) {
            converted = new float[channels * plane];
            convertedView = FloatBuffer.wrap(converted);
        }
        ElementType type = t.type();
        FloatBuffer floats = type == ElementType.FLOAT32 ? t.floats() : null;
        ByteBuffer bytes = type == ElementType.UINT8 || type == ElementType.INT8 ? t.buffer() : null;
        if (floats == null && bytes == null) {
            throw new IllegalArgumentException("output '" + t.name() + "' (" + role + ") is " + type
                    + "; PoseGate decodes FLOAT32, UINT8 and INT8 outputs");
        }
        convertInto(type, floats, bytes, base, c, channels, plane, planar);
        madeFloats = floats;
        madeBytes = bytes;
        madeBase = base;
        madeChannelsInTensor = c;
        madePlanar = planar;
        return new FeatureMap(convertedView, channels, h, w);
    }

    /** Writes the real values of {@code channels} channels from {@code from} on into {@link #converted}, planar. */
    private void convertInto(ElementType type, FloatBuffer floats, ByteBuffer bytes, int base, int c, int channels, int plane,
                             boolean planar) {
        float scale = ref.scale();
        float zero = ref.zeroPoint();
        int from = ref.channelFrom();
        for (int k = 0; k < channels; k++) {
            for (int p = 0; p < plane; p++) {
                int i = base + (planar ? (from + k) * plane + p : p * c + from + k);
                float raw = floats != null ? floats.get(i) : type == ElementType.UINT8 ? bytes.get(i) & 0xFF : bytes.get(i);
                converted[k * plane + p] = (raw - zero) * scale;
            }
        }
    }
}
