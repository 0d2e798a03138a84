package org.onetrip.kiosk.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.catalog.IdentityRequirement;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.filing.FilingException;
import org.onetrip.kiosk.filing.Submission;
import org.onetrip.kiosk.idcard.CardEvent;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.idcard.IdCardReader;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.idcard.SimulatedIdCardReader;
import org.onetrip.kiosk.printer.PrintOutcome;
import org.onetrip.kiosk.text.StrictUtf8;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kiosk submit}: one headless filing through the same application service as the touch
 * flow. Prints request_id, ticket and status_url once the request is committed.
 */
@Command(name = "submit", description = "File one request headless, as the touch flow would.")
public final class SubmitCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--service", required = true, paramLabel = "CODE", description = "Service code (see 'kiosk services').")
    String service;

    @Option(names = "--attr", paramLabel = "K=V", description = "A form value; repeatable.")
    List<String> attrs = new java.util.ArrayList<>();

    @Option(names = "--attr-file", paramLabel = "K=FILE",
            description = "A form value read from a UTF-8 file (e.g. a long description); repeatable.")
    List<String> attrFiles = new java.util.ArrayList<>();

    @Option(names = "--card", description = "Read the resident's card on the configured reader (the simulated reader presents its default card).")
    boolean card;

    @Option(names = "--agent-card", description = "For proxy services: read the agent's card first (simulated: the fictional agent).")
    boolean agentCard;

    @Option(names = "--card-timeout", paramLabel = "S", defaultValue = "30", description = "Seconds to wait for each card (default 30).")
    int cardTimeout;

    @Option(names = "--no-print", description = "Do not print the receipt.")
    boolean noPrint;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        // Checked here for what only the command line can get wrong; the values themselves are
        // checked by the catalogue's validator in the filing service, as for the touch screen.
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> givenBy = new LinkedHashMap<>();
        for (String a : attrs) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                System.err.println("kiosk submit: --attr takes KEY=VALUE, got '" + a + "'");
                return 2;
            }
            if (!put(values, givenBy, a.substring(0, eq), a.substring(eq + 1), "--attr")) {
                return 2;
            }
        }
        String argEncoding = System.getProperty("sun.jnu.encoding", "UTF-8");
        if (!argEncoding.equalsIgnoreCase("UTF-8") && values.values().stream().anyMatch(v -> v.indexOf('\uFFFD') >= 0)) {
            // Not the resident's text at fault: the JVM read the command line in a non-UTF-8 locale.
            System.err.println("kiosk submit: the command line was read as " + argEncoding + ", not UTF-8, so its"
                    + " Chinese arrived as U+FFFD; run in a UTF-8 locale (LC_ALL=C.UTF-8) or use --attr-file");
            return 2;
        }
        for (String a : attrFiles) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                System.err.println("kiosk submit: --attr-file takes KEY=FILE, got '" + a + "'");
                return 2;
            }
            java.nio.file.Path file = java.nio.file.Path.of(a.substring(eq + 1));
            String text;
            try {
                text = StrictUtf8.decode(java.nio.file.Files.readAllBytes(file), file.toString());
            } catch (java.io.IOException e) {
                System.err.println("kiosk submit: --attr-file " + a.substring(0, eq) + ": cannot read " + file + " (" + e + ")");
                return 2;
            } catch (StrictUtf8.MalformedTextException e) {
                System.err.println("kiosk submit: --attr-file " + a.substring(0, eq) + ": " + e.getMessage());
                return 2;
            }
            if (!put(values, givenBy, a.substring(0, eq), text, "--attr-file")) {
                return 2;
            }
        }
        System.setProperty("kiosk.console.level", "WARN");
        try (Kiosk kiosk = Wiring.wire(options.load(), Clock.systemDefaultZone())) {
            kiosk.startDevices();
            ServiceDefinition s = kiosk.catalog().service(service).orElse(null);
            if (s == null) {
                System.err.println("kiosk submit: no service '" + service + "'; see 'kiosk services'");
                return 2;
            }
            Identity agent = null;
            Identity resident = null;
            if (s.identity() == IdentityRequirement.PROXY && agentCard) {
                agent = readCard(kiosk.idCardReader(), FictionalCards.ZHAN_AGENT);
            }
            if (s.identity() != IdentityRequirement.NONE && card) {
                resident = readCard(kiosk.idCardReader(), null);
            }
            Filing f;
            try {
                f = kiosk.filing().file(new Submission(service, values, resident, agent),
                        kiosk.config().locale(), kiosk.config().receiptSecondLanguage()
                                ? (kiosk.config().locale().getLanguage().equals("zh") ? java.util.Locale.ENGLISH
                                        : java.util.Locale.SIMPLIFIED_CHINESE) : null);
            } catch (FilingException e) {
                System.err.println("kiosk submit: not filed: " + e.getMessage());
                return e.reason() == FilingException.Reason.STORE_FAILED ? 1 : 2;
            }
            Boolean printed = null;
            if (!noPrint) {
                PrintOutcome o = kiosk.printer().print(f.receipt());
                printed = o.printed();
                if (!o.printed()) {
                    System.err.println("kiosk submit: filed, but the receipt was not printed: " + o.status());
                }
            }
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("request_id", f.filed().requestId().toString());
                out.put("ticket", f.ticket());
                out.put("status_url", f.statusUrl());
                out.put("printed", printed);
                System.out.println(Json.write(out));
            } else {
                System.out.println("request_id " + f.filed().requestId());
                System.out.println("ticket     " + f.ticket());
                System.out.println("status_url " + f.statusUrl());
            }
            System.out.flush();
            // The ticket is out: a crash from here on does not make the UI offer it again at start.
            kiosk.queue().acknowledgeReceipt(f.filed().requestId(), kiosk.clock().instant(),
                    org.onetrip.kiosk.recovery.ReceiptRecovery.WRITTEN_BY_CLI);
            return 0;
        }
    }

    /** Adds one value; a key given twice is refused (which one was meant?) and says so. */
    private static boolean put(Map<String, String> values, Map<String, String> givenBy, String key, String value, String option) {
        String earlier = givenBy.putIfAbsent(key, option);
        if (earlier != null) {
            System.err.println("kiosk submit: " + key + " is given twice (" + earlier + " and " + option + "); keep one");
            return false;
        }
        values.put(key, value);
        return true;
    }

    /** The simulated reader presents {@code simulated} (or its default card); a real one waits for a card. */
    private Identity readCard(IdCardReader reader, Identity simulated) throws InterruptedException {
        BlockingQueue<CardEvent> events = new ArrayBlockingQueue<>(16);
        reader.setCardListener(events::offer);
        if (reader instanceof SimulatedIdCardReader sim) {
            sim.place(simulated != null ? simulated : sim.defaultCard());
        } else {
            System.err.println("kiosk submit: place the ID card on the reader…");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(cardTimeout).toNanos();
        while (System.nanoTime() < deadline) {
            CardEvent e = events.poll(200, TimeUnit.MILLISECONDS);
            if (e instanceof CardEvent.Presented p) {
                if (reader instanceof SimulatedIdCardReader sim) {
                    sim.remove();
                }
                return p.identity();
            }
            if (e instanceof CardEvent.ReadFailed f) {
                System.err.println("kiosk submit: card read failed (" + f.reason() + "), place it again");
            }
        }
        throw new FilingException(FilingException.Reason.IDENTITY_MISSING, "no card was read within " + cardTimeout + " s");
    }
}
