package io.posegate.backend.tensorrt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.posegate.spi.ElementType;
import org.junit.jupiter.api.Test;

class TrtVersionTest {
    @Test
    void decodesBothEncodings() {
        assertEquals(new TrtVersion(8, 0, 1), TrtVersion.decode(8001));
        assertEquals(new TrtVersion(8, 2, 1), TrtVersion.decode(8201));
        assertEquals(new TrtVersion(8, 6, 1), TrtVersion.decode(8601));
        assertEquals(new TrtVersion(10, 15, 1), TrtVersion.decode(101501));
        assertEquals("10.0.1", TrtVersion.decode(100001).toString());
        assertThrows(IllegalArgumentException.class, () -> TrtVersion.decode(0));
    }

    @Test
    void mapsDataTypes() {
        assertEquals(ElementType.FLOAT32, TrtTypes.element(0));
        assertEquals(ElementType.FLOAT16, TrtTypes.element(1));
        assertNull(TrtTypes.element(2));
        assertEquals("kINT8", TrtTypes.name(2));
        assertEquals(ElementType.INT64, TrtTypes.element(8));
        assertEquals("DataType(99)", TrtTypes.name(99));
    }

    @Test
    void compiledBindingMatchesItsGeneration() {
        assertEquals("libnvinfer.so." + BindingInfo.TENSORRT_MAJOR, BindingInfo.NVINFER_LIBRARY);
    }
}
