package org.onetrip.kiosk.recovery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.printer.Receipt;

/**
 * A filing whose ticket the resident never saw (the kiosk stopped between the commit and the
 * screen), as the next screen shows it: ticket, service, window, when, the status link for the QR
 * code, and until when it is offered. {@code windowName} is null when the catalogue no longer
 * knows the window; {@code agent} is null unless a proxy agent filed it.
 */
public record RecoveredReceipt(
        UUID requestId,
        String ticket,
        LocalizedText serviceName,
        LocalizedText windowName,
        Instant filedAt,
        String statusUrl,
        String maskedName,
        List<LocalizedText> documents,
        Instant offeredUntil,
        Receipt.Agent agent) {

    public RecoveredReceipt {
        documents = List.copyOf(documents);
    }
}
