package org.onetrip.kiosk.scanner.camera;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames from a folder of images ({@code camera:/path/to/folder}): each PNG, JPEG, BMP or GIF once,
 * in name order, one per {@code interval} as a camera would deliver them; images added later are
 * taken as they appear. For tests, and for trying a receipt without a camera.
 */
public final class FolderFrames implements FrameSource {
    private static final Logger log = LoggerFactory.getLogger(FolderFrames.class);

    private final Path dir;
    private final Duration interval;
    private final Set<Path> shown = new HashSet<>();
    private long nextAt;

    public FolderFrames(Path dir, Duration interval) {
        this.dir = dir;
        this.interval = interval;
    }

    @Override
    public String describe() {
        return dir.toString();
    }

    @Override
    public void open() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no such folder of camera frames");
        }
        nextAt = System.nanoTime();
    }

    @Override
    public BufferedImage next() throws IOException, InterruptedException {
        while (true) {
            long wait = nextAt - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            }
            nextAt = Math.max(nextAt, System.nanoTime() - interval.toNanos()) + interval.toNanos();
            if (!Files.isDirectory(dir)) {
                throw new NoSuchFileException(dir.toString(), null, "the folder of camera frames went away");
            }
            List<Path> images;
            try (Stream<Path> s = Files.list(dir)) {
                images = s.filter(FolderFrames::isImage).filter(p -> !shown.contains(p)).sorted().toList();
            }
            for (Path p : images) {
                shown.add(p);
                BufferedImage image = null;
                try {
                    image = ImageIO.read(p.toFile());
                } catch (IOException e) {
                    log.debug("{} cannot be read: {}", p.getFileName(), e.toString());
                }
                if (image != null) {
                    return image;
                }
                log.debug("{} is not an image Java can read; skipped", p.getFileName());
            }
        }
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg")
                || n.endsWith(".bmp") || n.endsWith(".gif"));
    }

    @Override
    public void close() {
        // nothing held open between frames
    }
}
