package org.onetrip.kiosk.systemd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the nightly upgrade (onetrip-kiosk-upgrade) whether a resident's session is open: one
 * line, {@code open} or {@code closed} and since when, in {@code $RUNTIME_DIRECTORY/session}
 * (systemd's {@code RuntimeDirectory=}, /run/onetrip-kiosk, which systemd removes when the kiosk
 * stops, so the file never outlives the kiosk). Written only when the answer changes, replaced
 * whole (the reader never sees half a line). A write that fails is logged, never thrown: the
 * upgrade then finds no answer and waits for another night.
 */
public final class SessionStateFile implements Consumer<Boolean> {
    private static final Logger log = LoggerFactory.getLogger(SessionStateFile.class);

    private final Path file;
    private final Clock clock;
    private Boolean last;

    public SessionStateFile(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** In {@code $RUNTIME_DIRECTORY} when systemd gives one (the first, if it lists several). */
    public static Optional<SessionStateFile> fromEnvironment(Map<String, String> env, Clock clock) {
        String dirs = env.get("RUNTIME_DIRECTORY");
        if (dirs == null || dirs.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SessionStateFile(Path.of(dirs.split(":")[0], "session"), clock));
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void accept(Boolean open) {
        if (open.equals(last)) {
            return;
        }
        String line = (open ? "open " : "closed ") + clock.instant() + "\n";
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, line, StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            last = open;
        } catch (IOException | RuntimeException e) {
            log.warn("could not write the session state to {}: {}", file, e.toString());
        }
    }
}
