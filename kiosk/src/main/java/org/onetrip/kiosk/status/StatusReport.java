package org.onetrip.kiosk.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.request.RequestStatus;

/**
 * Where one request stands, as the status screen shows it: no personal data beyond the masked
 * name. {@code officeNote} is what staff wrote with the current status (what to bring when they
 * ask for documents, where to collect, why not), else null. {@code usualDocuments} is the service's
 * usual list, given only while staff ask for documents ({@link #documentsAsked()}), to hold against
 * their note; at any other state there is nothing to bring, and the list would read as if there
 * were. {@code serviceHasDocuments}: whether the service lists any documents at all. {@code live} is false when the kiosk could not reach the back office recently: the status
 * is then the last one known, as of {@code lastUpdated}.
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
        String officeNote,
        List<LocalizedText> usualDocuments,
        boolean serviceHasDocuments,
        boolean live,
        Instant lastUpdated) {

    public StatusReport {
        history = List.copyOf(history);
        usualDocuments = List.copyOf(usualDocuments);
        maskedName = maskedName == null ? "" : maskedName;
    }

    /** Whether staff wait for the resident to bring documents: the one state with something to bring. */
    public boolean documentsAsked() {
        return documentsAsked(status);
    }

    public boolean nothingToBringForNow() {
        return nothingToBringForNow(status, serviceHasDocuments);
    }

    /** The rule for the kiosk's status screen and the back office's phone page alike. */
    public static boolean documentsAsked(RequestStatus status) {
        return status == RequestStatus.NEEDS_DOCUMENTS;
    }

    /**
     * Whether to say "nothing to bring for now": while the request is open and staff ask for nothing,
     * and only for a service that has documents at all (under a suggestion "for now" promised a
     * later list). The kiosk and the phone page both ask here.
     */
    public static boolean nothingToBringForNow(RequestStatus status, boolean serviceHasDocuments) {
        return serviceHasDocuments && !status.isFinal() && !documentsAsked(status);
    }

    /** One step of the timeline. */
    public record Step(Instant at, RequestStatus status) {
    }
}
