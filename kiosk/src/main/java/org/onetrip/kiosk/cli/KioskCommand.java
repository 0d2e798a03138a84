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
                ResetReceiptKeyCommand.class, ImeCommand.class, SayCommand.class})
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
            // rest (issue 13, cold start).
            org.onetrip.kiosk.ui.FxStartup.begin();
            // The log file opens once the home screen is drawn (its lines kept until then).
            if (System.getProperty(org.onetrip.kiosk.app.LogSetup.FILE_AFTER_START) == null) {
                System.setProperty(org.onetrip.kiosk.app.LogSetup.FILE_AFTER_START, "true");
            }
            args = args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
            UiCommand plain = plainUi(args);
            if (plain != null) {
                try {
                    return plain.call();
                } catch (Exception ex) {
                    return failed(ex, new PrintWriter(System.err, true));
                }
            }
            cl = new CommandLine(new UiCommand()).setCommandName("kiosk ui");
        } else {
            cl = new CommandLine(new KioskCommand());
            // A bare receipt token may start with '-' (URL-safe Base64): it is the argument, not an option.
            cl.getSubcommands().get("status").setUnmatchedOptionsArePositionalParams(true);
        }
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> failed(ex, cmd.getErr()));
        return cl.execute(args);
    }

    /**
     * The ui command's own options read without picocli, as the unit starts it: picocli's classes
     * are Java 5 bytecode, which class-data sharing cannot archive and the old verifier checks
     * slowly (a second of a Pi's cold start). Anything else (help, a typo) returns null: picocli
     * then parses it and says what is wrong.
     */
    static UiCommand plainUi(String[] args) {
        UiCommand ui = new UiCommand();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                int eq = a.startsWith("--") ? a.indexOf('=') : -1;
                String name = eq > 0 ? a.substring(0, eq) : a;
                String v = null;
                if (name.equals("--config") || name.equals("--set") || name.equals("--screenshot")) {
                    if (eq > 0) {
                        v = a.substring(eq + 1);
                    } else if (i + 1 < args.length) {
                        v = args[++i];
                    } else {
                        return null;
                    }
                } else if (eq > 0) {
                    return null;
                }
                switch (name) {
                    case "--config" -> ui.options.config = java.nio.file.Path.of(v);
                    case "--set" -> ui.options.overrides.add(v);
                    case "--screenshot" -> ui.screenshot = java.nio.file.Path.of(v);
                    case "--no-simulator-panel" -> ui.noPanel = true;
                    case "--exit-when-ready" -> ui.exitWhenReady = true;
                    default -> {
                        return null;
                    }
                }
            }
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
        return ui;
    }

    /** A command that failed: one line for a person, and the exit status. */
    static int failed(Exception ex, PrintWriter err) {
        // A touch screen that failed before drawing its home screen still leaves its log file.
        org.onetrip.kiosk.app.LogSetup.openFile();
        if (ex instanceof ConfigException || ex instanceof InstallationSecret.MissingException
                || ex instanceof org.onetrip.kiosk.catalog.CatalogException) {
            err.println("kiosk: " + ex.getMessage());
            return 2;
        }
        if (ex instanceof org.onetrip.kiosk.ui.FxStartup.StartFailed) {
            // systemd restarts the kiosk; the journal keeps this line.
            err.println("kiosk: " + ex.getMessage());
            return 1;
        }
        if (ex instanceof StoreException) {
            // Written for a person already ("disk full: …", "could not open the request store …").
            err.println("kiosk: " + ex.getMessage());
            return 1;
        }
        err.println("kiosk: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
        return 1;
    }
}
