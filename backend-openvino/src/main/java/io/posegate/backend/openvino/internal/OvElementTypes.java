package io.posegate.backend.openvino.internal;

import io.posegate.spi.ElementType;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@code ov_element_type_e} codes of the loaded runtime for the SPI's element types. OpenVINO
 * renumbered that enum between releases (f32 is 5 in 2022.3 to 2025, 4 in 2026; u8 is 14, 17 or 16),
 * so the shim works the codes out when it loads the library. Immutable.
 */
public final class OvElementTypes {
    private static final ElementType[] ORDER = {ElementType.FLOAT16, ElementType.FLOAT32, ElementType.INT32,
        ElementType.INT64, ElementType.UINT8, ElementType.INT8};

    private final Map<ElementType, Integer> codes;

    OvElementTypes(Map<ElementType, Integer> codes) {
        this.codes = Map.copyOf(codes);
    }

    /** Reads the codes the shim discovered; call after the library is loaded. */
    static OvElementTypes fromShim() {
        Map<ElementType, Integer> codes = new EnumMap<>(ElementType.class);
        for (int i = 0; i < ORDER.length; i++) {
            codes.put(ORDER[i], OvApi.pgov_type_code(i));
        }
        return new OvElementTypes(codes);
    }

    /** The SPI type of {@code code}, or null when the SPI has no such type. */
    public ElementType toSpi(int code) {
        for (Map.Entry<ElementType, Integer> e : codes.entrySet()) {
            if (e.getValue() == code) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The OpenVINO code of {@code type}. */
    public int toOv(ElementType type) {
        return codes.get(type);
    }

    @Override
    public String toString() {
        return codes.toString();
    }
}
