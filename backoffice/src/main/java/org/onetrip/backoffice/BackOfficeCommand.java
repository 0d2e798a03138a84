package org.onetrip.backoffice;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.onetrip.backoffice.store.BackOfficeStore;
import org.onetrip.backoffice.store.Database;
import org.onetrip.backoffice.store.StaffStore;
import org.onetrip.backoffice.staff.Passwords;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backoffice}: serve the Open311 back office, and the administration that needs no web page
 * yet (kiosk api keys, staff tokens). Storage is SQLite in {@code --data} unless {@code --jdbc-url}
 * names a PostgreSQL database (also read from ONETRIP_BACKOFFICE_JDBC_URL, so a password need not
 * be on the command line).
 */
@Command(name = "backoffice", mixinStandardHelpOptions = true, version = "OneTrip back office 0.1.0",
        description = "The Open311 GeoReport v2 back office for OneTrip kiosks.",
        subcommands = {BackOfficeCommand.Serve.class, BackOfficeCommand.AddKiosk.class, BackOfficeCommand.AddStaff.class,
                StaffAccountCommands.AddAccount.class, StaffAccountCommands.SetPassword.class,
                StaffAccountCommands.DisableAccount.class, StaffAccountCommands.EnableAccount.class,
                StaffAccountCommands.RevokeSessions.class, StaffAccountCommands.ListAccounts.class})
public final class BackOfficeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 2;
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new BackOfficeCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("backoffice: " + ex.getMessage());
            return ex instanceof IllegalArgumentException ? 2 : 1;
        });
        return cl.execute(args);
    }

    /** Where the data is. */
    public static class StorageOptions {
        @Option(names = "--data", paramLabel = "DIR", defaultValue = "data/backoffice",
                description = "Data folder: the SQLite database and the simulator kiosk's key (default data/backoffice).")
        Path data;

        @Option(names = "--jdbc-url", paramLabel = "URL",
                description = "PostgreSQL instead of SQLite: jdbc:postgresql://HOST:PORT/DB?user=…&password=… "
                        + "(default: $ONETRIP_BACKOFFICE_JDBC_URL, else SQLite in --data).")
        String jdbcUrl;

        public Database open() {
            String url = jdbcUrl != null ? jdbcUrl : System.getenv("ONETRIP_BACKOFFICE_JDBC_URL");
            if (url != null && !url.isBlank()) {
                return Database.postgres(url, 16);
            }
            return Database.sqlite(data.resolve("backoffice.db"));
        }
    }

    @Command(name = "serve", description = "Serve Open311 and the staff API until stopped.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Mixin
        StorageOptions storage = new StorageOptions();

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default loopback).")
        String host;

        @Option(names = "--port", defaultValue = "8311", description = "Port (default 8311).")
        int port;

        @Option(names = "--catalog", paramLabel = "FILE", description = "Catalogue file (the kiosk's format; default: the kiosk's bundled one).")
        Path catalog;

        @Option(names = "--zone", defaultValue = "Asia/Shanghai", description = "Time zone of the dates served (default Asia/Shanghai).")
        String zone;

        @Option(names = "--max-body-kb", defaultValue = "64", description = "Largest request body in KiB (default 64).")
        int maxBodyKb;

        @Option(names = "--batch", description = "Answer filings with a token; the id comes when staff first act on a request.")
        boolean batch;

        @Option(names = "--dev-kiosk", paramLabel = "KIOSK_ID",
                description = "Make sure this kiosk has an api key, kept in DATA/KIOSK_ID.api-key (mode 0600), and print it.")
        String devKiosk;

        @Option(names = "--dev-staff", description = "Make sure staff 'dev' has a token, kept in DATA/dev.staff-token, and print it; "
                + "and a supervisor account 'dev' for the staff pages, its password kept in DATA/dev.staff-password.")
        boolean devStaff;

        @Override
        public Integer call() throws Exception {
            ServiceCatalog c = catalog == null ? new CatalogLoader().loadBundled() : new CatalogLoader().load(catalog);
            try (Database db = storage.open()) {
                BackOfficeStore store = new BackOfficeStore(db, Clock.systemUTC());
                if (devKiosk != null) {
                    String key = devSecret(storage.data.resolve(devKiosk + ".api-key"), k -> store.kioskFor(k).isPresent(),
                            () -> store.issueApiKey(devKiosk));
                    System.out.println("api key of kiosk " + devKiosk + ": " + key);
                }
                if (devStaff) {
                    String token = devSecret(storage.data.resolve("dev.staff-token"), t -> store.staffFor(t).isPresent(),
                            () -> store.issueStaffToken("dev", "Developer"));
                    System.out.println("staff token of 'dev': " + token);
                    StaffStore accounts = new StaffStore(db, Clock.systemUTC());
                    String password = devSecret(storage.data.resolve("dev.staff-password"),
                            p -> accounts.account("dev").map(a -> !a.disabled() && Passwords.verify(p, a.passwordHash()))
                                    .orElse(false),
                            () -> {
                                String p = Passwords.generate();
                                accounts.putAccount("dev", "Developer", "supervisor", java.util.Set.of(), Passwords.hash(p));
                                return p;
                            });
                    System.out.println("staff pages: http://" + host + ":" + port + "/staff/ as 'dev' (supervisor), password "
                            + password);
                }
                BackOfficeServer server = new BackOfficeServer(store, c,
                        new BackOfficeServer.Settings(host, port, maxBodyKb * 1024L, ZoneId.of(zone), batch), null).start();
                System.out.println("back office: " + server.baseUrl() + " on " + db.description());
                System.out.flush();
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.close();
                    stop.countDown();
                }, "backoffice-shutdown"));
                stop.await();
            }
            return 0;
        }

        /** The secret kept in {@code file} while the database still accepts it; a new one otherwise. */
        private static String devSecret(Path file, java.util.function.Predicate<String> valid,
                java.util.function.Supplier<String> issue) throws IOException {
            if (Files.isReadable(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (valid.test(kept)) {
                    return kept;
                }
            }
            String secret = issue.get();
            Files.createDirectories(file.getParent());
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions protect it
            }
            return secret;
        }
    }

    @Command(name = "add-kiosk", description = "Add a kiosk (or give it a new api key) and print the key once.")
    static final class AddKiosk implements Callable<Integer> {
        @CommandLine.Mixin
        StorageOptions storage = new StorageOptions();

        @CommandLine.Parameters(paramLabel = "KIOSK_ID", description = "The kiosk's kiosk.id.")
        String kioskId;

        @Override
        public Integer call() {
            if (!kioskId.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("KIOSK_ID: 1 to 64 letters, digits, '.', '_' or '-' (as kiosk.id)");
            }
            try (Database db = storage.open()) {
                System.out.println(new BackOfficeStore(db, Clock.systemUTC()).issueApiKey(kioskId));
            }
            return 0;
        }
    }

    @Command(name = "add-staff", description = "Add a staff member (or give them a new token) and print the token once.")
    static final class AddStaff implements Callable<Integer> {
        @CommandLine.Mixin
        StorageOptions storage = new StorageOptions();

        @CommandLine.Parameters(index = "0", paramLabel = "STAFF_ID")
        String staffId;

        @CommandLine.Parameters(index = "1", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            if (!staffId.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("STAFF_ID: 1 to 64 letters, digits, '.', '_' or '-'");
            }
            try (Database db = storage.open()) {
                System.out.println(new BackOfficeStore(db, Clock.systemUTC()).issueStaffToken(staffId, name));
            }
            return 0;
        }
    }
}
