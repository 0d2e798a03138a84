package org.onetrip.kiosk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.privacy.DataFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE} and {@code --set KEY=VALUE}, shared by every subcommand. {@link #load()} is
 * where every command secures the data folder (0700, files 0600), once, before the first log file,
 * and points SQLite and JNA at their native libraries' copies in it.
 */
public final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Profile file (properties). Default: the simulator profile.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one profile key; repeatable.")
    List<String> overrides = new ArrayList<>();

    public KioskConfig load() {
        // Before anything is created, the log file included: every new file owner-only.
        String noUmask = DataFolder.restrictUmask();
        KioskConfig c = KioskConfig.load(config, overrides).validate();
        DataFolder.Repair repair = null;
        String cannotSecure = null;
        try {
            repair = DataFolder.secure(c.dataDir());
        } catch (java.io.UncheckedIOException e) {
            // Not fatal here: a command that needs the folder says why it cannot use it.
            cannotSecure = e.getMessage();
        }
        // SQLite's and JNA's native libraries from DATA_DIR/native, not copied to /tmp at every start.
        List<String> noCopies = cannotSecure != null ? List.of()
                : org.onetrip.kiosk.app.NativeLibraries.useCopiesIn(c.dataDir().resolve("native"), System.getProperties());
        // Logs go to DATA_DIR/logs; set before the first logger is created.
        System.setProperty("kiosk.log.dir", c.dataDir().resolve("logs").toString());
        Logger log = LoggerFactory.getLogger(DataFolder.class);
        if (noUmask != null) {
            log.warn(noUmask);
        }
        noCopies.forEach(log::warn);
        if (cannotSecure != null) {
            log.warn(cannotSecure);
        } else if (repair.unsupported() != null) {
            log.warn("{}: data.dir is private only if its folder or mount is", repair.unsupported());
        } else if (repair.total() > 0) {
            log.warn("data folder {} was readable by others: made {} folders 0700 and {} files 0600",
                    c.dataDir().toAbsolutePath(), repair.folders(), repair.files());
        }
        return c;
    }
}
