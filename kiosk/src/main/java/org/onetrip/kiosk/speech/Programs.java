package org.onetrip.kiosk.speech;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether an outside program is there to run, said the way selftest shows it. */
final class Programs {
    private Programs() {
    }

    /** Null when {@code command} (a name on PATH or a path) can be run, else "NAME not installed (apt-get install PKG)". */
    static String missing(String command, String debianPackage) {
        if (find(command) != null) {
            return null;
        }
        return command + " not installed (apt-get install " + debianPackage + ")";
    }

    static Path find(String command) {
        if (command.contains("/")) {
            Path p = Path.of(command);
            return Files.isExecutable(p) && !Files.isDirectory(p) ? p : null;
        }
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/bin:/bin" : path).split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, command);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }
}
