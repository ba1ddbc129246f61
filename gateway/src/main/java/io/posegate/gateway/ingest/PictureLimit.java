package io.posegate.gateway.ingest;

import java.io.IOException;

/**
 * The largest picture a source decodes from a file or a pipe, checked against the size the picture's header
 * declares before any pixel memory is allocated: one huge file must fail alone instead of exhausting the heap
 * that every stream shares. (Pictures pushed by browsers have their own, smaller limit:
 * {@link io.posegate.gateway.ingest.feeds.WebcamLimits}.) The gateway's limit comes from the config
 * ({@code sources.maxPictureSide}, {@code sources.maxPicturePixels}) through {@link IngestPolicy#pictures()}.
 *
 * @param maxSide   widest and tallest accepted picture, in pixels
 * @param maxPixels most pixels (width times height) accepted
 */
public record PictureLimit(int maxSide, long maxPixels) {
    /** 8192 pixels a side and 40 megapixels in all: an 8K UHD frame (7680x4320) and most camera photos fit. */
    public static final PictureLimit DEFAULT = new PictureLimit(8192, 40_000_000L);
    /** The widest side a config may allow: the most a JPEG header can declare (16 bits). */
    public static final int MAX_SIDE = 65_535;
    /**
     * The most pixels a config may allow: a packed BGR picture of more (3 bytes a pixel) would not fit in one
     * Java array, so no decoder here could hold it anyway.
     */
    public static final long MAX_PIXELS = 700_000_000L;

    public PictureLimit {
        if (maxSide <= 0 || maxPixels <= 0) {
            throw new IllegalArgumentException("picture limit must be positive: maxSide=" + maxSide + " maxPixels=" + maxPixels);
        }
    }

    /** True when a picture of this size may be decoded. */
    public boolean admits(int width, int height) {
        return width > 0 && height > 0 && width <= maxSide && height <= maxSide && (long) width * height <= maxPixels;
    }

    /**
     * @param what names the picture in the error, such as {@code images: '/media/a.png'}
     * @throws IOException naming {@code what} and its size when the picture is empty or larger than this limit
     */
    public void check(String what, int width, int height) throws IOException {
        if (!admits(width, height)) {
            throw new IOException(what + " is " + width + "x" + height + " pixels, outside the limit of " + maxSide
                    + " pixels a side and " + maxPixels + " pixels in all; not decoded");
        }
    }
}
