package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.idcard.FictionalCards;

/**
 * The last check before a request goes to staff shows every answer and what to bring, a page at a
 * time with Previous and More. The elders' review ("看一看，对不对？") showed the card and one answer,
 * the other five and the documents below the fold with only a thin scroll bar to say so (screens
 * review 2, finding 1); an elder took it for the whole and submitted.
 */
class ReviewPagingTest extends KioskUiTestBase {
    private static final Map<String, String> ANSWERS = Map.of("purpose", "school", "address", "福建省福鼎市桐城街道资国寺路88号",
            "since", "2020-09-01", "housing", "owned", "copies", "1", "phone", "13800138000");

    @Test
    void everyAnswerAndTheDocumentsAreReachedWithMoreInEveryModeAndLanguage() {
        ServiceDefinition s = kiosk.catalog().service("residence-certificate").orElseThrow();
        for (boolean elders : List.of(true, false)) {
            for (Locale lang : InputScreens.LANGUAGES) {
                String state = InputScreens.visit(this, elders, lang);
                interact(() -> ui.flow().startService(s));
                awaitScreen("identify");
                reader().place(FictionalCards.LAI_JIAJIA);
                awaitScreen("form");
                interact(() -> {
                    ui.flow().session().values().putAll(ANSWERS);
                    ui.flow().review();
                });
                awaitScreen("review");
                Set<String> wanted = new LinkedHashSet<>();
                ANSWERS.keySet().forEach(k -> wanted.add("#review-" + k));
                wanted.add(".documents");
                Set<String> seen = new LinkedHashSet<>();
                look(wanted, seen);
                if (!seen.containsAll(wanted)) {
                    assertThat(visible("#page-down")).as(state + ": More, with answers below the fold").isTrue();
                    for (String q : List.of("#page-up", "#page-down", "#submit", "#edit")) {
                        assertWholeTextShown(q);
                    }
                }
                for (int i = 0; i < 10 && visible("#page-down") && !lookup("#page-down").query().isDisabled(); i++) {
                    tap("#page-down");
                    look(wanted, seen);
                }
                snapshot("review-paged-" + state);
                assertThat(seen).as(state + ": what was wholly in view at some page").containsAll(wanted);
            }
        }
    }

    /** Adds to {@code seen} each of {@code wanted} wholly inside the review's viewport now. */
    private void look(Set<String> wanted, Set<String> seen) {
        interact(() -> {
            laidOut();
            ScrollPane sp = (ScrollPane) lookup("#review-scroll").query();
            Node viewport = sp.lookup(".viewport");
            Bounds v = viewport.localToScene(viewport.getLayoutBounds());
            for (String q : wanted) {
                Node n = lookup(q).query();
                Bounds b = n.localToScene(n.getBoundsInLocal());
                if (b.getMinY() >= v.getMinY() - 0.5 && b.getMaxY() <= v.getMaxY() + 0.5) {
                    seen.add(q);
                }
            }
        });
    }

    private boolean visible(String query) {
        return lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }
}
