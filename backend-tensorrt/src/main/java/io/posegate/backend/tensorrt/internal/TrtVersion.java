package io.posegate.backend.tensorrt.internal;

/**
 * Decodes {@code getInferLibVersion()}: TensorRT 8 encodes {@code major*1000 + minor*100 + patch}
 * (8.0.1 is 8001), TensorRT 10 {@code major*10000 + minor*100 + patch} (10.15.1 is 101501). Pure Java.
 *
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch version
 */
public record TrtVersion(int major, int minor, int patch) {
    public static TrtVersion decode(int encoded) {
        if (encoded <= 0) {
            throw new IllegalArgumentException("not a TensorRT version: " + encoded);
        }
        if (encoded >= 10_000) {
            return new TrtVersion(encoded / 10_000, encoded / 100 % 100, encoded % 100);
        }
        return new TrtVersion(encoded / 1000, encoded / 100 % 10, encoded % 100);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
