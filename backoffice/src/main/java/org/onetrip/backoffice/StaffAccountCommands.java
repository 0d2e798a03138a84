package org.onetrip.backoffice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.onetrip.backoffice.staff.Passwords;
import org.onetrip.backoffice.staff.Role;
import org.onetrip.backoffice.store.Database;
import org.onetrip.backoffice.store.StaffStore;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Staff accounts for the web pages, from the command line: add one (its first password printed
 * once, or read from standard input), set a password, disable an account (its sessions end and its
 * API token is revoked at once), enable it again, end its sessions, list accounts. Passwords are
 * never taken as arguments, so they stay out of shell history and process lists.
 */
final class StaffAccountCommands {
    private StaffAccountCommands() {
    }

    private static final String ID = "[A-Za-z0-9._-]{1,64}";

    static void checkId(String id) {
        if (!id.matches(ID)) {
            throw new IllegalArgumentException("STAFF_ID: 1 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    /** The password from standard input (one line), or a new random one that is printed. */
    static String password(boolean fromStdin) throws IOException {
        if (!fromStdin) {
            return null;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        String problem = Passwords.problem(line);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return line;
    }

    @Command(name = "add-account", description = "Add a staff account for the web pages (or replace its role, windows and "
            + "password) and print its first password once.")
    static final class AddAccount implements Callable<Integer> {
        @CommandLine.Mixin
        BackOfficeCommand.StorageOptions storage = new BackOfficeCommand.StorageOptions();

        @Parameters(index = "0", paramLabel = "STAFF_ID")
        String staffId;

        @Parameters(index = "1", paramLabel = "NAME", description = "The name colleagues see, e.g. 王科员.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "window (their windows only), patrol (hazard reports), supervisor (all, statistics), admin (accounts, kiosks).")
        String role;

        @Option(names = "--windows", paramLabel = "CODES", split = ",",
                description = "For window staff: the window codes they work at (party, economy, opinion, livelihood).")
        String[] windows;

        @Option(names = "--password-stdin", description = "Read the password from standard input instead of making one.")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            checkId(staffId);
            Role r = Role.ofWire(role).orElseThrow(() -> new IllegalArgumentException(
                    "--role: one of window, patrol, supervisor, admin"));
            Set<String> w = windows == null ? Set.of() : Arrays.stream(windows).map(String::strip)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            ServiceCatalog catalog = new CatalogLoader().loadBundled();
            for (String code : w) {
                if (catalog.window(code).isEmpty()) {
                    throw new IllegalArgumentException("--windows: no window '" + code + "'; the windows are "
                            + catalog.windows().stream().map(x -> x.code()).collect(Collectors.joining(", ")));
                }
            }
            if (r == Role.WINDOW && w.isEmpty()) {
                throw new IllegalArgumentException("--windows: window staff need at least one window");
            }
            if (r != Role.WINDOW && !w.isEmpty()) {
                throw new IllegalArgumentException("--windows: only window staff have windows");
            }
            if (name.isBlank() || name.length() > 64) {
                throw new IllegalArgumentException("NAME: 1 to 64 characters");
            }
            String password = password(passwordStdin);
            boolean generated = password == null;
            if (generated) {
                password = Passwords.generate();
            }
            try (Database db = storage.open()) {
                new StaffStore(db, Clock.systemUTC()).putAccount(staffId, name.strip(), r.wire(), w, Passwords.hash(password));
            }
            System.out.println(generated ? password : "account " + staffId + " saved");
            return 0;
        }
    }

    @Command(name = "set-password", description = "Give an account a new password (printed once, or read from standard input); "
            + "its sessions end.")
    static final class SetPassword implements Callable<Integer> {
        @CommandLine.Mixin
        BackOfficeCommand.StorageOptions storage = new BackOfficeCommand.StorageOptions();

        @Parameters(paramLabel = "STAFF_ID")
        String staffId;

        @Option(names = "--password-stdin", description = "Read the password from standard input instead of making one.")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            checkId(staffId);
            String password = password(passwordStdin);
            boolean generated = password == null;
            if (generated) {
                password = Passwords.generate();
            }
            try (Database db = storage.open()) {
                StaffStore s = new StaffStore(db, Clock.systemUTC());
                if (!s.setPassword(staffId, Passwords.hash(password))) {
                    System.err.println("backoffice: no account " + staffId);
                    return 1;
                }
                s.revokeSessions(staffId);
            }
            System.out.println(generated ? password : "password of " + staffId + " set");
            return 0;
        }
    }

    @Command(name = "disable-account", description = "Disable an account: it cannot sign in, its sessions end now and its API token is revoked.")
    static final class DisableAccount implements Callable<Integer> {
        @CommandLine.Mixin
        BackOfficeCommand.StorageOptions storage = new BackOfficeCommand.StorageOptions();

        @Parameters(paramLabel = "STAFF_ID")
        String staffId;

        @Override
        public Integer call() {
            checkId(staffId);
            try (Database db = storage.open()) {
                if (!new StaffStore(db, Clock.systemUTC()).setDisabled(staffId, true)) {
                    System.err.println("backoffice: no account or token " + staffId);
                    return 1;
                }
            }
            System.out.println("account " + staffId + " disabled; its sessions and token are revoked");
            return 0;
        }
    }

    @Command(name = "enable-account", description = "Enable a disabled account again (it signs in with its password).")
    static final class EnableAccount implements Callable<Integer> {
        @CommandLine.Mixin
        BackOfficeCommand.StorageOptions storage = new BackOfficeCommand.StorageOptions();

        @Parameters(paramLabel = "STAFF_ID")
        String staffId;

        @Override
        public Integer call() {
            checkId(staffId);
            try (Database db = storage.open()) {
                if (!new StaffStore(db, Clock.systemUTC()).setDisabled(staffId, false)) {
                    System.err.println("backoffice: no account " + staffId);
                    return 1;
                }
            }
            System.out.println("account " + staffId + " enabled");
            return 0;
        }
    }

    @Command(name = "revoke-sessions", description = "End every session of an account now (e.g. a lost phone); it may sign in again.")
    static final class RevokeSessions implements Callable<Integer> {
        @CommandLine.Mixin
        BackOfficeCommand.StorageOptions storage = new BackOfficeCommand.StorageOptions();

        @Parameters(paramLabel = "STAFF_ID")
        String staffId;

        @Override
        public Integer call() {
            checkId(staffId);
            try (Database db = storage.open()) {
                int n = new StaffStore(db, Clock.systemUTC()).revokeSessions(staffId);
                System.out.println(n + " session(s) of " + staffId + " ended");
            }
            return 0;
        }
    }

    @Command(name = "accounts", description = "List the staff accounts: id, role, windows, state.")
    static final class ListAccounts implements Callable<Integer> {
        @CommandLine.Mixin
        BackOfficeCommand.StorageOptions storage = new BackOfficeCommand.StorageOptions();

        @Override
        public Integer call() {
            try (Database db = storage.open()) {
                Instant now = Instant.now();
                for (StaffStore.Account a : new StaffStore(db, Clock.systemUTC()).accounts()) {
                    String state = a.disabled() ? "disabled"
                            : a.lockedUntil() != null && now.isBefore(a.lockedUntil()) ? "locked until " + a.lockedUntil() : "active";
                    System.out.println(a.staffId() + "\t" + a.name() + "\t" + a.role() + "\t" + String.join(",", a.windows())
                            + "\t" + state);
                }
            }
            return 0;
        }
    }
}
