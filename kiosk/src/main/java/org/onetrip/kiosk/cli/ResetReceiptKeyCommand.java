package org.onetrip.kiosk.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.filing.InstallationSecret;
import org.onetrip.kiosk.request.RequestQueue;
import org.onetrip.kiosk.store.SqliteRequestQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kiosk reset-receipt-key --i-understand}: makes a new receipt-token key when the old one
 * is lost and no backup has it. Every receipt printed before stops opening its request at this
 * kiosk, so it acts only with {@code --i-understand}; an existing key is kept beside the new one
 * ({@code receipt-token.key.replaced-TIME}). Exit 0 done, 2 without the flag.
 */
@Command(name = "reset-receipt-key",
        description = "Make a new receipt-token key (when the old one is lost and no backup has it); "
                + "every earlier receipt stops working. Needs --i-understand.")
public final class ResetReceiptKeyCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--i-understand", description = "Receipts printed so far will no longer open their request here.")
    boolean understood;

    @Override
    public Integer call() {
        System.setProperty("kiosk.console.level", "WARN");
        KioskConfig config = options.load();
        Path key = config.dataDir().resolve(InstallationSecret.FILE_NAME);
        long stored;
        try (RequestQueue q = new SqliteRequestQueue(config.dataDir().resolve("kiosk.db"), Clock.systemUTC())) {
            stored = q.countsByOutboxState().values().stream().mapToLong(Long::longValue).sum();
        }
        if (!understood) {
            System.err.println("reset-receipt-key: nothing changed. A new key makes the receipts of the " + stored
                    + " stored requests unreadable here; restore " + key + " from the backup instead, or run again with "
                    + "--i-understand");
            return 2;
        }
        Path old = InstallationSecret.replace(key);
        System.out.println("new receipt-token key " + key + (old == null ? "" : " (the old one is kept as " + old + ")")
                + "; receipts of the " + stored + " requests filed before no longer open here; back up data.dir");
        return 0;
    }
}
