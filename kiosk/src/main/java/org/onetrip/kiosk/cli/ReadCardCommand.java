package org.onetrip.kiosk.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.idcard.CardCheck;
import org.onetrip.kiosk.idcard.CardEvent;
import org.onetrip.kiosk.idcard.IdCardReader;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.idcard.SimulatedIdCardReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kiosk read-card}: for the technician installing a reader. Waits for one card and prints
 * the identity, masked unless {@code --unmasked}. Exit 0 with a card, 2 on timeout, 3 when the
 * reader is unusable; each failure with a one-line reason on stderr.
 */
@Command(name = "read-card", description = "Wait for one ID card on the configured reader and print it (masked).")
public final class ReadCardCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "30", description = "Seconds to wait for a card (default 30).")
    int timeout;

    @Option(names = "--unmasked", description = "Print the name and ID number whole (the technician's own card).")
    boolean unmasked;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    /** How long a reader may stay unusable before the command gives up with exit 3. */
    static final long UNUSABLE_AFTER_MS = 5000;

    @Override
    public Integer call() throws InterruptedException {
        System.setProperty("kiosk.console.level", "WARN");
        KioskConfig config = options.load();
        try (IdCardReader reader = Wiring.idCardReaderFor(config)) {
            BlockingQueue<CardEvent> events = new ArrayBlockingQueue<>(32);
            reader.setCardListener(events::offer);
            reader.start();
            if (reader instanceof SimulatedIdCardReader sim) {
                sim.place(sim.defaultCard());
            }
            long start = System.currentTimeMillis();
            long deadline = start + timeout * 1000L;
            long unusableSince = -1;
            String lastFailure = null;
            while (System.currentTimeMillis() < deadline) {
                CardEvent e = events.poll(100, TimeUnit.MILLISECONDS);
                if (e instanceof CardEvent.Presented p) {
                    print(p.identity(), CardCheck.check(p.identity(), LocalDate.now()));
                    return 0;
                }
                if (e instanceof CardEvent.ReadFailed f) {
                    lastFailure = f.reason();
                    System.err.println("read-card: the card could not be read (" + f.reason() + ")"
                            + (f.transientFailure() ? "; lift it and place it again" : ""));
                }
                DeviceStatus s = reader.status();
                boolean unusable = s.state() == DeviceState.OFFLINE;
                if (unusable && unusableSince < 0) {
                    unusableSince = System.currentTimeMillis();
                } else if (!unusable) {
                    unusableSince = -1;
                }
                if (unusable && System.currentTimeMillis() - unusableSince >= Math.min(UNUSABLE_AFTER_MS, timeout * 1000L)) {
                    System.err.println("read-card: reader unusable: " + s);
                    return 3;
                }
            }
            DeviceStatus s = reader.status();
            if (s.state() == DeviceState.OFFLINE) {
                // Offline at the end of a wait shorter than the grace period: the reader could not
                // have seen a card, so this is "unusable" (3), not "no card" (2).
                System.err.println("read-card: reader unusable: " + s);
                return 3;
            }
            System.err.println("read-card: no card within " + timeout + " s" + (lastFailure == null ? "" : " (last read failed: " + lastFailure + ")")
                    + "; reader is " + s);
            return 2;
        }
    }

    private void print(Identity id, CardCheck.Rejection rejection) {
        String name = unmasked ? id.name() : id.maskedName();
        String number = unmasked ? id.idNumber() : id.maskedIdNumber();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("card_type", id.cardType().name());
            m.put("name", name);
            m.put("sex", id.sex().name());
            m.put("ethnicity", id.ethnicity());
            m.put("birth_date", String.valueOf(id.birthDate()));
            m.put("id_number", number);
            m.put("address", unmasked ? id.address() : id.address().isEmpty() ? "" : id.address().substring(0, Math.min(6, id.address().length())) + "…");
            m.put("issuing_authority", id.issuingAuthority());
            m.put("valid_from", String.valueOf(id.validFrom()));
            m.put("valid_to", id.validTo() == null ? "长期" : id.validTo().toString());
            m.put("accepted", rejection == null);
            m.put("rejection", rejection == null ? null : rejection.name());
            System.out.println(Json.write(m));
        } else {
            System.out.println("card type   " + id.cardType());
            System.out.println("name        " + name);
            System.out.println("sex         " + id.sex());
            System.out.println("born        " + id.birthDate());
            System.out.println("ID number   " + number);
            System.out.println("valid       " + id.validFrom() + " – " + (id.validTo() == null ? "长期" : id.validTo()));
            System.out.println("kiosk says  " + (rejection == null ? "accepted" : "refused: " + rejection));
        }
    }
}
