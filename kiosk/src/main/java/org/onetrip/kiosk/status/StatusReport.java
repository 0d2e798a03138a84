package org.onetrip.kiosk.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.request.RequestStatus;

/**
 * Where one request stands, as the status screen shows it: no personal data beyond the masked
 * name. {@code bring} is what the resident must still bring (the service's documents while the
 * request is open, nothing once it is final); {@code officeNote} is the back office's note when it
 * asks for documents, else null. {@code live} is false when the kiosk could not reach the back
 * office recently: the status is then the last one known, as of {@code lastUpdated}.
 */
public record StatusReport(
        UUID requestId,
        String ticket,
        String serviceCode,
        LocalizedText serviceName,
        String windowCode,
        LocalizedText windowName,
        Instant filedAt,
        String maskedName,
        RequestStatus status,
        List<Step> history,
        List<LocalizedText> bring,
        String officeNote,
        boolean live,
        Instant lastUpdated) {

    public StatusReport {
        history = List.copyOf(history);
        bring = List.copyOf(bring);
        maskedName = maskedName == null ? "" : maskedName;
    }

    /** One step of the timeline. */
    public record Step(Instant at, RequestStatus status) {
    }
}
