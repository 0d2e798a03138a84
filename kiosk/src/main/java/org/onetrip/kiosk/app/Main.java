package org.onetrip.kiosk.app;

import org.onetrip.kiosk.cli.KioskCommand;

/** Entry point of {@code scripts/kiosk}; see {@link KioskCommand} for the subcommands. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int status = KioskCommand.run(args);
        System.exit(status);
    }
}
