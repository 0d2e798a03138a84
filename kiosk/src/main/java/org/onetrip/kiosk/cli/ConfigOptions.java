package org.onetrip.kiosk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.onetrip.kiosk.config.KioskConfig;
import picocli.CommandLine.Option;

/** {@code --config FILE} and {@code --set KEY=VALUE}, shared by every subcommand. */
public final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Profile file (properties). Default: the simulator profile.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one profile key; repeatable.")
    List<String> overrides = new ArrayList<>();

    public KioskConfig load() {
        KioskConfig c = KioskConfig.load(config, overrides).validate();
        // Logs go to DATA_DIR/logs; set before the first logger is created.
        System.setProperty("kiosk.log.dir", c.dataDir().resolve("logs").toString());
        return c;
    }
}
