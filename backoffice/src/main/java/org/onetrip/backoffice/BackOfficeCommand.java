package org.onetrip.backoffice;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.onetrip.backoffice.open311.Open311Api;
import org.onetrip.backoffice.security.FieldCipher;
import org.slf4j.LoggerFactory;
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
                BackOfficeCommand.EraseExpired.class,
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

        @Option(names = "--key-file", paramLabel = "FILE",
                description = "The key that seals personal data (AES-256-GCM), made with mode 0600 if missing "
                        + "(default DATA/personal-data.key; $" + FieldCipher.ENV + " instead, when set). "
                        + "Every instance on one database needs the same key.")
        Path keyFile;

        public Database open() {
            String url = jdbcUrl != null ? jdbcUrl : System.getenv("ONETRIP_BACKOFFICE_JDBC_URL");
            if (url != null && !url.isBlank()) {
                return Database.postgres(url, 16);
            }
            return Database.sqlite(data.resolve("backoffice.db"));
        }

        BackOfficeStore store(Database db) throws IOException {
            FieldCipher cipher = FieldCipher.load(System.getenv(FieldCipher.ENV),
                    keyFile != null ? keyFile : data.resolve("personal-data.key"));
            return new BackOfficeStore(db, cipher, Clock.systemUTC());
        }
    }

    /** How long personal data is kept after a request is closed. */
    static class RetentionOptions {
        @Option(names = "--retention-days", defaultValue = "90",
                description = "Erase names, ID numbers, phones, addresses and free text this many days after a request "
                        + "is completed or rejected (default 90).")
        int retentionDays;

        Duration retention() {
            if (retentionDays < 1) {
                throw new IllegalArgumentException("--retention-days: at least 1");
            }
            return Duration.ofDays(retentionDays);
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

        @CommandLine.Mixin
        RetentionOptions retention = new RetentionOptions();

        @Option(names = "--tls-port", paramLabel = "PORT",
                description = "Also serve HTTPS on this port (needs --tls-keystore); for a centre without a reverse proxy.")
        Integer tlsPort;

        @Option(names = "--tls-host", defaultValue = "0.0.0.0", description = "Address of the HTTPS listener (default all).")
        String tlsHost;

        @Option(names = "--tls-keystore", paramLabel = "FILE", description = "PKCS#12 key store with the certificate and its key.")
        Path tlsKeyStore;

        @Option(names = "--tls-keystore-password-file", paramLabel = "FILE",
                description = "File holding the key store's password (default: $ONETRIP_BACKOFFICE_TLS_PASSWORD).")
        Path tlsPasswordFile;

        @Option(names = "--trusted-proxy", paramLabel = "ADDRESS", split = ",",
                description = "A reverse proxy's address: its X-Forwarded-For names the client (for rate limits).")
        java.util.List<String> trustedProxies = new java.util.ArrayList<>();

        @Option(names = "--public-url", paramLabel = "URL",
                description = "The GeoReport v2 URL clients use (discovery.json); default the URL of each request.")
        String publicUrl;

        @Option(names = "--contact", defaultValue = "the service centre's back office",
                description = "Whom to ask about this API (discovery.json).")
        String contact;

        @Override
        public Integer call() throws Exception {
            ServiceCatalog c = catalog == null ? new CatalogLoader().loadBundled() : new CatalogLoader().load(catalog);
            BackOfficeServer.Tls tls = tls();
            Duration keep = retention.retention();
            try (Database db = storage.open()) {
                BackOfficeStore store = storage.store(db);
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
                        new BackOfficeServer.Settings(host, port, maxBodyKb * 1024L, ZoneId.of(zone), batch, tls,
                                java.util.Set.copyOf(trustedProxies), new Open311Api.Discovery(publicUrl, contact, true)),
                        null).start();
                System.out.println("back office: " + server.baseUrl() + " on " + db.description());
                if (tls != null) {
                    System.out.println("and https on port " + server.tlsPort());
                }
                System.out.flush();
                // Erasure after the retention limit, hourly; each instance may run it (it is one transaction).
                ScheduledExecutorService eraser = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "backoffice-retention");
                    t.setDaemon(true);
                    return t;
                });
                eraser.scheduleWithFixedDelay(() -> erase(store, keep), 0, 1, TimeUnit.HOURS);
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    eraser.shutdownNow();
                    server.close();
                    stop.countDown();
                }, "backoffice-shutdown"));
                stop.await();
            }
            return 0;
        }

        private BackOfficeServer.Tls tls() throws IOException {
            if (tlsPort == null) {
                return null;
            }
            if (tlsKeyStore == null || !Files.isReadable(tlsKeyStore)) {
                throw new IllegalArgumentException("--tls-port needs --tls-keystore FILE, a readable PKCS#12 key store");
            }
            String password = tlsPasswordFile != null ? Files.readString(tlsPasswordFile, StandardCharsets.UTF_8).strip()
                    : System.getenv("ONETRIP_BACKOFFICE_TLS_PASSWORD");
            if (password == null) {
                throw new IllegalArgumentException("the key store's password: --tls-keystore-password-file FILE or "
                        + "$ONETRIP_BACKOFFICE_TLS_PASSWORD");
            }
            return new BackOfficeServer.Tls(tlsHost, tlsPort, tlsKeyStore, password);
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
        public Integer call() throws IOException {
            if (!kioskId.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("KIOSK_ID: 1 to 64 letters, digits, '.', '_' or '-' (as kiosk.id)");
            }
            try (Database db = storage.open()) {
                System.out.println(storage.store(db).issueApiKey(kioskId));
            }
            return 0;
        }
    }

    @Command(name = "add-staff", description = "Give staff member STAFF_ID a new API token (the old one stops working) and print "
            + "it once. The token acts as the staff account of the same id (add-account), with its role; without one it is refused.")
    static final class AddStaff implements Callable<Integer> {
        @CommandLine.Mixin
        StorageOptions storage = new StorageOptions();

        @CommandLine.Parameters(index = "0", paramLabel = "STAFF_ID")
        String staffId;

        @CommandLine.Parameters(index = "1", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws IOException {
            if (!staffId.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("STAFF_ID: 1 to 64 letters, digits, '.', '_' or '-'");
            }
            try (Database db = storage.open()) {
                System.out.println(storage.store(db).issueStaffToken(staffId, name));
                if (new StaffStore(db, Clock.systemUTC()).account(staffId).isEmpty()) {
                    System.err.println("backoffice: " + staffId + " has no staff account yet, so the token has no role and is "
                            + "refused; add one: add-account " + staffId + " NAME --role ROLE");
                }
            }
            return 0;
        }
    }

    /** Erases what the retention limit says is due; a failure is a log line, the next hour tries again. */
    static int erase(BackOfficeStore store, Duration keep) {
        try {
            int n = store.eraseClosedBefore(java.time.Instant.now().minus(keep));
            if (n > 0) {
                LoggerFactory.getLogger(BackOfficeCommand.class).info("erased the personal data of {} closed requests", n);
            }
            return n;
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(BackOfficeCommand.class).warn("erasure after the retention limit failed: {}", e.getMessage());
            return -1;
        }
    }

    @Command(name = "erase-expired", description = "Erase now the personal data of requests closed longer than the retention limit.")
    static final class EraseExpired implements Callable<Integer> {
        @CommandLine.Mixin
        StorageOptions storage = new StorageOptions();

        @CommandLine.Mixin
        RetentionOptions retention = new RetentionOptions();

        @Override
        public Integer call() throws IOException {
            try (Database db = storage.open()) {
                int n = storage.store(db).eraseClosedBefore(java.time.Instant.now().minus(retention.retention()));
                System.out.println("erased the personal data of " + n + " closed requests");
            }
            return 0;
        }
    }
}
