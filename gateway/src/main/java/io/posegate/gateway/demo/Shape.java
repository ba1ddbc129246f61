package io.posegate.gateway.demo;

/**
 * A capsule (segment with a half width) in source pixels; a disc when both ends coincide. Used both to
 * paint a body part and to decide whether it covers a joint marker drawn earlier.
 */
record Shape(double ax, double ay, double bx, double by, double halfWidth) {
    static Shape disc(double x, double y, double radius) {
        return new Shape(x, y, x, y, radius);
    }

    /** Distance from (x, y) to the segment. */
    double distanceTo(double x, double y) {
        double vx = bx - ax;
        double vy = by - ay;
        double len2 = vx * vx + vy * vy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / len2));
        double dx = x - (ax + t * vx);
        double dy = y - (ay + t * vy);
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** True if this shape overlaps the disc of {@code radius} around (x, y). */
    boolean touches(double x, double y, double radius) {
        return distanceTo(x, y) < halfWidth + radius;
    }
}
