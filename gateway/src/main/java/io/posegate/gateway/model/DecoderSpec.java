package io.posegate.gateway.model;

import io.posegate.grouping.decode.DecoderParams;

/**
 * The decoder a descriptor names (one of {@link io.posegate.grouping.decode.Decoders#names()}) and the
 * parameters its section gives it.
 */
public record DecoderSpec(String name, DecoderParams params) {
    /** The largest number of people the decoder is set to return, or 100 when it does not say. */
    public int maxPeople() {
        for (String key : new String[] {"maxPeople", "maxPoses"}) {
            if (params.asMap().get(key) instanceof Number n) {
                return Math.max(1, n.intValue());
            }
        }
        return 100;
    }
}
