package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.filing.Submission;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.request.RequestStatus;

/**
 * What a resident scanned the receipt for, the request's state and what to do next, is on screen
 * at once without scrolling, in both languages, with and without the elders' mode (review finding
 * 2: the elders' mode showed the ticket's details and left the state below the fold; English cut
 * the state's badge in half). The worst case: the longest English service name, and the offline
 * banner (this build has no back office, so the kiosk always says its status may be old).
 */
class StatusScreenFoldTest extends KioskUiTestBase {
    /** A staff note of the length the back office writes when it asks for documents (both languages). */
    private static final String LONG_NOTE = "请补充：户口簿（原件）、房屋或土地权属证明。\n"
            + "Please bring: Household register (hukou booklet), Proof of your house or land rights.";

    /** "Land acquisition and relocation: enquiry", the catalogue's longest English name. */
    private Filing relocationEnquiry() {
        return kiosk.filing().file(new Submission("relocation-consult", Map.of("property", "house",
                "questions", "standard,resettlement,payment", "phone", "13800138000"), FictionalCards.LAI_JIAJIA, null),
                Locale.SIMPLIFIED_CHINESE, null);
    }

    private void language(Locale l) {
        interact(() -> ui.flow().texts().localeProperty().set(l));
        await("the " + l.getLanguage() + " screen",
                () -> lookup("#kiosk").query().getStyleClass().contains("lang-" + l.getLanguage()));
    }

    private void elders(boolean on) {
        interact(() -> ui.flow().setEldersMode(on));
        await("the elders' mode " + on, () -> lookup("#kiosk").query().getStyleClass().contains("elders") == on);
    }

    /**
     * Where {@code query}'s node is not wholly shown: outside the window, or outside the viewport
     * of a scroll pane it sits in, or that scroll pane not at its top (as the screen first shows).
     */
    private List<String> hidden(String query) {
        List<String> out = new ArrayList<>();
        interact(() -> {
            laidOut();
            Node n = lookup(query).query();
            Bounds b = n.localToScene(n.getBoundsInLocal());
            Scene s = n.getScene();
            if (!n.isVisible() || b.getWidth() <= 0 || b.getHeight() <= 0) {
                out.add(query + " is not shown");
            }
            if (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > s.getWidth() + 0.5
                    || b.getMaxY() > s.getHeight() + 0.5) {
                out.add(query + " at " + b + " is outside the window");
            }
            for (Parent p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane sp) {
                    if (sp.getVvalue() > sp.getVmin()) {
                        out.add(sp.getId() + " is not at its top");
                    }
                    Node viewport = sp.lookup(".viewport");
                    Bounds v = viewport.localToScene(viewport.getLayoutBounds());
                    if (b.getMinX() < v.getMinX() - 0.5 || b.getMinY() < v.getMinY() - 0.5
                            || b.getMaxX() > v.getMaxX() + 0.5 || b.getMaxY() > v.getMaxY() + 0.5) {
                        out.add(query + " at y " + (int) b.getMinY() + "–" + (int) b.getMaxY()
                                + " is below the fold of " + sp.getId() + " (y " + (int) v.getMinY() + "–" + (int) v.getMaxY() + ")");
                    }
                }
            }
        });
        return out;
    }

    @Test
    void theStateAndTheNextStepAreOnScreenAtOnceInEveryModeAndLanguage() {
        awaitScreen("home");
        List<String> problems = new ArrayList<>();
        for (RequestStatus status : List.of(RequestStatus.QUEUED, RequestStatus.NEEDS_DOCUMENTS, RequestStatus.COMPLETED)) {
            Filing f = relocationEnquiry();
            if (status != RequestStatus.QUEUED) {
                clock.advance(Duration.ofHours(2));
                kiosk.queue().markDelivered(f.filed().requestId(), "SR-" + f.ticket(), clock.instant());
                clock.advance(Duration.ofHours(2));
                kiosk.queue().recordStatus(f.filed().requestId(), status,
                        status == RequestStatus.NEEDS_DOCUMENTS ? LONG_NOTE : null, clock.instant());
            }
            clock.advance(Duration.ofMinutes(5));
            scanOnHome(f.statusUrl());
            await(status + " shown", () -> lookup("#status-current").tryQuery().isPresent());
            for (boolean on : new boolean[] {false, true}) {
                elders(on);
                for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                    language(l);
                    await("the report", () -> lookup("#status-next").tryQuery().isPresent());
                    String state = status.wire() + (on ? "-elders" : "") + "-" + l.getLanguage();
                    snapshot("status-fold-" + state);
                    assertThat(lookup("#status-offline").tryQuery()).as("the worst case has the offline banner").isPresent();
                    assertThat(text("#status-service")).isNotBlank();
                    for (String q : List.of("#status-current", "#status-next")) {
                        hidden(q).forEach(h -> problems.add(state + ": " + h));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Below the fold, a report is reached with More, as the services are: the elders' mode cut a
     * long staff note mid-line at the fold, with only a thin scroll bar (which few elders drag) to
     * say there was more. Previous and More show when the report is longer than the screen; More
     * brings every line of the note into view, then the timeline, and the buttons' words are whole.
     */
    @Test
    void aReportLongerThanTheScreenIsPagedWithPreviousAndMore() {
        awaitScreen("home");
        Filing f = relocationEnquiry();
        clock.advance(Duration.ofHours(2));
        kiosk.queue().markDelivered(f.filed().requestId(), "SR-" + f.ticket(), clock.instant());
        clock.advance(Duration.ofHours(2));
        kiosk.queue().recordStatus(f.filed().requestId(), RequestStatus.NEEDS_DOCUMENTS, LONG_NOTE, clock.instant());
        clock.advance(Duration.ofMinutes(5));
        for (boolean on : new boolean[] {true, false}) {
            for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                scanOnHome(f.statusUrl()); // home ends the visit: the mode and language after it
                elders(on);
                language(l);
                await("the report", () -> lookup("#status-next").tryQuery().isPresent());
                String state = (on ? "elders-" : "") + l.getLanguage();
                await(state + ": More shown", () -> lookup("#page-down").tryQuery().map(Node::isVisible).orElse(false));
                assertThat(lookup("#page-up").query().isDisabled()).as("Previous at the top").isTrue();
                for (String q : List.of("#page-up", "#page-down", "#finish")) {
                    assertWholeTextShown(q);
                }
                boolean noteSeen = hidden("#status-office-note").isEmpty();
                for (int i = 0; i < 10 && !lookup("#page-down").query().isDisabled(); i++) {
                    tap("#page-down");
                    interact(this::laidOut);
                    noteSeen |= inView("#status-office-note");
                }
                snapshot("status-paged-" + state);
                assertThat(noteSeen).as(state + ": every line of the staff's note in view at some page").isTrue();
                assertThat(inView("#status-timeline")).as(state + ": the last page shows the timeline's end").isTrue();
                assertThat(lookup("#page-up").query().isDisabled()).as("Previous after More").isFalse();
            }
        }
    }

    /** Whether the node is wholly inside its scroll pane's viewport now. */
    private boolean inView(String query) {
        boolean[] in = new boolean[1];
        interact(() -> {
            laidOut();
            Node n = lookup(query).query();
            ScrollPane sp = (ScrollPane) lookup("#status-scroll").query();
            Node viewport = sp.lookup(".viewport");
            Bounds v = viewport.localToScene(viewport.getLayoutBounds());
            Bounds b = n.localToScene(n.getBoundsInLocal());
            in[0] = b.getMinY() >= v.getMinY() - 0.5 && b.getMaxY() <= v.getMaxY() + 0.5;
        });
        return in[0];
    }
}
