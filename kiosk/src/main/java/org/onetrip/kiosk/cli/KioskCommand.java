package org.onetrip.kiosk.cli;

import java.io.PrintWriter;
import org.onetrip.kiosk.config.ConfigException;
import org.onetrip.kiosk.filing.InstallationSecret;
import org.onetrip.kiosk.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kiosk}: the launcher. Without a subcommand it starts the UI. */
@Command(name = "kiosk", mixinStandardHelpOptions = true, version = "OneTrip kiosk 0.1.0",
        description = "24-hour self-service kiosk of a party-mass service centre.",
        subcommands = {UiCommand.class, SubmitCommand.class, ServicesCommand.class, QueueCommand.class,
                SelftestCommand.class, ReadCardCommand.class, SyncCommand.class,
                PrintTestCommand.class, SetPinCommand.class, StatusCommand.class, ScanCommand.class,
                ResetReceiptKeyCommand.class})
public final class KioskCommand implements java.util.concurrent.Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        return new UiCommand().call();
    }

    /** Runs the command line; returns the exit status. */
    public static int run(String... args) {
        CommandLine cl;
        if (args.length == 0 || args[0].equals("ui")) {
            // The kiosk's own start (systemd, a watchdog restart): the toolkit starts beside the
            // rest, and only the ui command is reflected on, not all twelve (issue 13, cold start).
            org.onetrip.kiosk.ui.FxStartup.begin();
            cl = new CommandLine(new UiCommand()).setCommandName("kiosk ui");
            args = args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
        } else {
            cl = new CommandLine(new KioskCommand());
            // A bare receipt token may start with '-' (URL-safe Base64): it is the argument, not an option.
            cl.getSubcommands().get("status").setUnmatchedOptionsArePositionalParams(true);
        }
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof ConfigException || ex instanceof InstallationSecret.MissingException
                    || ex instanceof org.onetrip.kiosk.catalog.CatalogException) {
                err.println("kiosk: " + ex.getMessage());
                return 2;
            }
            if (ex instanceof StoreException) {
                // Written for a person already ("disk full: …", "could not open the request store …").
                err.println("kiosk: " + ex.getMessage());
                return 1;
            }
            err.println("kiosk: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            return 1;
        });
        return cl.execute(args);
    }
}
