package io.posegate.gateway.ingest.images;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.ingest.BgrConverter;
import io.posegate.gateway.ingest.FrameRateCap;
import io.posegate.gateway.ingest.FrameSource;
import io.posegate.gateway.ingest.Pacing;
import io.posegate.gateway.ingest.PictureLimit;
import io.posegate.gateway.ingest.TargetSize;
import io.posegate.gateway.ingest.VideoFrame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * {@code images:DIR}: the JPEG, PNG and BMP files of a directory in name order, at {@code fps} frames per
 * second (default 10, lowered by the stream's cap), once or looping ({@code loop=true}). A file that does
 * not decode, or whose header declares a picture outside the source's {@link PictureLimit}, is skipped, counted in
 * {@link #corruptFrames()} and logged once per opening (naming the file, and its size when too large); when no
 * file decodes, reading fails with the last file's problem. A source confined to a media folder (from the API)
 * reads only the entries whose real path lies inside that folder ({@link MediaFolderEntries}); the others are
 * skipped, logged once, and when none is left, opening fails saying so. The check is made again right before each
 * read, and the path it resolved is the one read: an entry replaced by a symlink out of the folder after opening is
 * skipped (logged once per opening), and when every entry now leads outside, reading fails saying so.
 */
public final class ImageDirectorySource implements FrameSource {
    private static final Logger LOG = Logger.getLogger(ImageDirectorySource.class.getName());
    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp");

    private final Path directory;
    private final boolean loop;
    private final FrameRateCap pace;
    private final BgrConverter converter;
    private final PictureLimit limit;
    private final Path confinedTo;
    private Path realRoot;
    private boolean skippedReported;
    private final Set<Path> reported = new HashSet<>();
    private final Set<Path> escapedReported = new HashSet<>();
    private List<Path> files = List.of();
    private String lastProblem;
    private int next;
    private volatile long corrupt;
    private volatile boolean closed;

    /** @param limit the largest picture a file's header may declare; a larger one is skipped undecoded */
    public ImageDirectorySource(Path directory, boolean loop, double fps, TargetSize target, PictureLimit limit) {
        this(directory, loop, fps, target, limit, null);
    }

    /**
     * @param limit      the largest picture a file's header may declare; a larger one is skipped undecoded
     * @param confinedTo the media folder whose files alone may be read (symlinks resolved), or null for any file
     */
    public ImageDirectorySource(Path directory, boolean loop, double fps, TargetSize target, PictureLimit limit, Path confinedTo) {
        this.directory = requireNonNull(directory, "directory is null");
        this.confinedTo = confinedTo;
        this.limit = requireNonNull(limit, "limit is null");
        this.loop = loop;
        this.pace = new FrameRateCap(fps);
        this.converter = new BgrConverter(requireNonNull(target, "target is null"));
    }

    @Override
    public String describe() {
        return "images:" + directory;
    }

    @Override
    public void open() throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("images: '" + directory + "' is not a directory");
        }
        List<Path> pictures;
        try (Stream<Path> list = Files.list(directory)) {
            pictures = list.filter(ImageDirectorySource::isImage).sorted().toList();
        }
        if (pictures.isEmpty()) {
            throw new IOException("images: '" + directory + "' holds no .jpg, .jpeg, .png or .bmp files");
        }
        files = confinedTo == null ? pictures : insideMediaFolder(pictures);
        next = 0;
        reported.clear();
        escapedReported.clear();
        pace.reset();
        closed = false;
    }

    private List<Path> insideMediaFolder(List<Path> pictures) throws IOException {
        realRoot = confinedTo.toRealPath();
        MediaFolderEntries entries = MediaFolderEntries.of(pictures, realRoot);
        if (!entries.skipped().isEmpty() && !skippedReported) {
            skippedReported = true;
            LOG.warning(describe() + ": skipped " + entries.skipped().size() + " file(s) that lead outside the media directory "
                    + "through symlinks: " + entries.skipped().stream().map(p -> String.valueOf(p.getFileName())).toList());
        }
        if (entries.kept().isEmpty()) {
            throw new IOException("images: '" + directory + "' holds no picture inside the media directory: its "
                    + entries.skipped().size() + " picture file(s) lead outside it through symlinks");
        }
        return entries.kept();
    }

    @Override
    public boolean read(VideoFrame into) throws IOException {
        int misses = 0;
        while (!closed) {
            if (next == files.size()) {
                if (!loop) {
                    return false;
                }
                next = 0;
            }
            Path file = files.get(next++);
            if (confinedTo != null) {
                Path real = MediaFolderEntries.inside(file, realRoot);
                if (real == null) {
                    if (escapedReported.add(file)) {
                        LOG.warning(describe() + ": skipped " + file.getFileName() + ": it no longer lies inside the "
                                + "media directory (replaced by a symlink leading outside it, or gone)");
                    }
                    if (++misses >= files.size()) {
                        throw new IOException("images: '" + directory + "' holds no picture inside the media directory "
                                + "any more: its pictures were replaced by symlinks leading outside it, or removed");
                    }
                    continue;
                }
                file = real;
            }
            pace.await();
            long cpu0 = Pacing.threadCpuNanos();
            BufferedImage image = decode(file);
            if (image == null) {
                corrupt++;
                if (++misses >= files.size()) {
                    throw new IOException("images: no file in '" + directory + "' decodes; last: " + lastProblem);
                }
                continue;
            }
            converter.convert(image, into);
            double ms = (Pacing.threadCpuNanos() - cpu0) / 1e6;
            into.stamp(into.sequence(), System.currentTimeMillis(), ms);
            return true;
        }
        return false;
    }

    /** The picture, or null (the problem kept and logged once) when it cannot be decoded. */
    private BufferedImage decode(Path file) {
        try {
            return PictureFile.read(file, limit);
        } catch (IOException | RuntimeException e) {
            lastProblem = e.getMessage() == null ? e.toString() : e.getMessage();
            if (reported.add(file)) {
                LOG.warning(describe() + ": skipped " + lastProblem);
            }
            return null;
        }
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    @Override
    public long corruptFrames() {
        return corrupt;
    }

    @Override
    public void close() {
        closed = true;
    }
}
