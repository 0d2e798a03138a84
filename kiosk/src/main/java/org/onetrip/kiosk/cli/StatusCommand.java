package org.onetrip.kiosk.cli;

import java.time.Clock;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.status.StatusAnswer;
import org.onetrip.kiosk.status.StatusLookup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kiosk status TOKEN_OR_URL}: what the status screen shows for a receipt, for the
 * technician or staff on the phone with a resident. Exit 0 when found, 1 when the code is not one
 * of this kiosk's receipts (the same calm message as the screen), 3 when the store cannot be read.
 */
@Command(name = "status", description = "Show what the status screen shows for a receipt's URL or token.")
public final class StatusCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(paramLabel = "TOKEN_OR_URL", description = "The receipt's status URL or its token.")
    String scanned;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        System.setProperty("kiosk.console.level", "WARN");
        Clock clock = Clock.systemDefaultZone();
        try (Kiosk kiosk = Wiring.wire(options.load(), clock)) {
            // The technician's shell can read the store anyway: no per-visit limit here.
            StatusAnswer a = Wiring.statusLookup(kiosk, StatusLookup.Limits.NONE).lookUp(scanned, 0);
            new StatusOutput(kiosk.config().locale(), clock.getZone()).print(a, json, System.out);
            return StatusOutput.exitStatus(a);
        }
    }
}
