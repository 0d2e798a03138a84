package org.onetrip.kiosk.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.config.KioskConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code kiosk set-pin}: sets the technician's maintenance PIN (6 to 12 digits), asked twice
 * without echo on a terminal, or read as two lines from standard input (for install scripts).
 * Only a salted hash is stored, in {@code DATA_DIR/secrets.properties} (mode 0600).
 */
@Command(name = "set-pin", description = "Set the maintenance PIN (asked twice; stored hashed).")
public final class SetPinCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() throws IOException {
        System.setProperty("kiosk.console.level", "WARN");
        KioskConfig config = options.load();
        String first;
        String second;
        Console console = System.console();
        if (console != null) {
            char[] a = console.readPassword("New maintenance PIN (6-12 digits): ");
            char[] b = console.readPassword("Again: ");
            first = a == null ? null : new String(a);
            second = b == null ? null : new String(b);
        } else {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            first = in.readLine();
            second = in.readLine();
        }
        if (first == null || !first.equals(second)) {
            System.err.println("set-pin: the two PINs differ (or none was given); nothing changed");
            return 2;
        }
        try {
            Wiring.pinVault(config, Clock.systemDefaultZone()).setPin(first.strip());
        } catch (IllegalArgumentException e) {
            System.err.println("set-pin: " + e.getMessage() + "; nothing changed");
            return 2;
        }
        System.out.println("maintenance PIN set in " + config.dataDir().resolve("secrets.properties"));
        return 0;
    }
}
