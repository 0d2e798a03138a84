package org.onetrip.kiosk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.filing.Submission;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.recovery.ReceiptRecovery;

/**
 * The child JVM of {@link SurvivesKillTest}: wires the kiosk as the product does, files one request
 * through the same filing service the touch flow uses, and then waits to be killed. With
 * {@code shown} (the default) it shows the ticket first and records that it did, as the done screen
 * does; with {@code committed} it stops right after the commit, before any ticket is shown.
 */
public final class FileAndHang {
    private FileAndHang() {
    }

    public static void main(String[] args) throws Exception {
        boolean show = args.length < 2 || args[1].equals("shown");
        KioskConfig config = KioskConfig.load(null, List.of("data.dir=" + Path.of(args[0]))).validate();
        Kiosk kiosk = Wiring.wire(config, Clock.systemDefaultZone());
        Filing f = kiosk.filing().file(new Submission("residence-certificate", Map.of("purpose", "school",
                "address", "桐城街道1号", "since", "2020-01-01", "housing", "owned", "copies", "1",
                "phone", "13800138000"), FictionalCards.LAI_JIAJIA, null), Locale.SIMPLIFIED_CHINESE, null);
        if (show) {
            System.out.println("TICKET " + f.ticket() + " " + f.filed().requestId());
            Wiring.receiptRecovery(kiosk).acknowledge(f.filed().requestId(), ReceiptRecovery.SHOWN_ON_SCREEN);
            System.out.println("SHOWN");
        } else {
            // Not a ticket on screen: the test's signal that the commit is done.
            System.out.println("COMMITTED " + f.ticket() + " " + f.filed().requestId());
        }
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
