package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.catalog.ServiceWindow;

/**
 * The service list as a finger uses it (issue 10): cards as tall as their text, the fifth service
 * reached in a few wheel steps, drags or page taps; a drag scrolls and never opens a card, a tap
 * opens it. The longest list is the livelihood window's nine services.
 */
class ServiceListTest extends KioskUiTestBase {
    /**
     * A card is a name, a few lines of description and what it needs: never more than this. 300 since
     * no text is under 24 px (issue 12; descriptions were 19 px): the longest, house-rebuild in
     * English, is 290 px, a third of the list's height.
     */
    private static final double MAX_CARD_HEIGHT = 300;

    private ScrollPane scroll() {
        return (ScrollPane) lookup("#service-scroll").query();
    }

    private double offset() {
        double[] v = new double[1];
        interact(() -> v[0] = scroll().getVvalue());
        return v[0];
    }

    /** True when the whole card lies inside the list's viewport. */
    /** The screen point in the middle of the gap between two cards, checked to be a gap and in view. */
    private javafx.geometry.Point2D gapAbove(String upper, String lower) {
        javafx.geometry.Point2D[] r = new javafx.geometry.Point2D[1];
        interact(() -> {
            ScrollPane sp = scroll();
            Bounds vp = sp.localToScreen(sp.getLayoutBounds());
            Node a = lookup(upper).query();
            Node b = lookup(lower).query();
            Bounds ua = a.localToScreen(a.getLayoutBounds());
            Bounds lb = b.localToScreen(b.getLayoutBounds());
            assertThat(lb.getMinY() - ua.getMaxY()).as("a gap between the cards").isGreaterThan(4);
            double y = (ua.getMaxY() + lb.getMinY()) / 2;
            assertThat(y).as("the gap in view").isBetween(vp.getMinY(), vp.getMaxY() - 130);
            r[0] = new javafx.geometry.Point2D(lb.getMinX() + lb.getWidth() / 2, y);
        });
        return r[0];
    }

    private boolean fullyVisible(String query) {
        boolean[] r = new boolean[1];
        interact(() -> {
            ScrollPane sp = scroll();
            Node card = lookup(query).query();
            Bounds vp = sp.localToScene(sp.getLayoutBounds());
            Bounds c = card.localToScene(card.getLayoutBounds());
            r[0] = c.getMinY() >= vp.getMinY() - 0.5 && c.getMaxY() <= vp.getMaxY() + 0.5;
        });
        return r[0];
    }

    /**
     * One notch of a mouse wheel turned towards the user, as GTK delivers it (deltaY -40, 40 px a
     * notch), on the node under {@code query}. Monocle's robot sends +1 for a notch down, the
     * opposite sign of every desktop platform, so the event is built here.
     */
    private void wheelDown(String query) {
        interact(() -> {
            Node n = lookup(query).query();
            Bounds b = n.localToScene(n.getLayoutBounds());
            double x = b.getCenterX();
            double y = b.getCenterY();
            javafx.event.Event.fireEvent(n, new ScrollEvent(ScrollEvent.SCROLL, x, y, x, y, false, false, false, false,
                    false, false, 0, -40, 0, -40, 40, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    ScrollEvent.VerticalTextScrollUnits.LINES, -3, 0, null));
        });
    }

    private List<ServiceDefinition> livelihood() {
        return kiosk.catalog().servicesOf("livelihood");
    }

    private void openLivelihood() {
        awaitScreen("home");
        tap("#tile-livelihood");
        awaitScreen("services");
    }

    @Test
    void everyCardIsAsTallAsItsTextInBothLanguages() {
        awaitScreen("home");
        for (int lang = 0; lang < 2; lang++) {
            for (ServiceWindow w : kiosk.catalog().windows()) {
                interact(() -> ui.flow().openWindow(w));
                awaitScreen("services");
                for (ServiceDefinition s : kiosk.catalog().servicesOf(w.code())) {
                    double[] h = new double[1];
                    interact(() -> h[0] = lookup("#service-" + s.code()).query().getLayoutBounds().getHeight());
                    assertThat(h[0]).as("height of %s in %s", s.code(), ui.flow().texts().locale())
                            .isBetween(64.0, MAX_CARD_HEIGHT);
                }
            }
            snapshot("services-livelihood-" + (lang == 0 ? "zh" : "en"));
            tap("#language");
            awaitScreen("services");
        }
    }

    @Test
    void theFifthServiceIsAFewWheelStepsAway() {
        openLivelihood();
        String fifth = "#service-" + livelihood().get(4).code();
        String last = "#service-" + livelihood().get(livelihood().size() - 1).code();
        assertThat(fullyVisible(fifth)).isFalse();
        int steps = 0;
        while (!fullyVisible(fifth) && steps < 10) {
            wheelDown("#service-list");
            steps++;
        }
        assertThat(steps).as("wheel steps to show the fifth service whole").isBetween(1, 3);
        while (!fullyVisible(last) && steps < 20) {
            wheelDown("#service-list");
            steps++;
        }
        assertThat(steps).as("wheel steps to the last service").isLessThanOrEqualTo(8);
        assertOnScreen("services");
    }

    @Test
    void aDragAnywhereScrollsAndNeverOpensACard() {
        openLivelihood();
        String first = "#service-" + livelihood().get(0).code();
        String fifth = "#service-" + livelihood().get(4).code();
        assertThat(offset()).isZero();
        // A finger on a card pulls the list up.
        drag(first, MouseButton.PRIMARY).moveBy(0, -250).drop();
        assertOnScreen("services");
        assertThat(offset()).isGreaterThan(0);
        int drags = 1;
        while (!fullyVisible(fifth) && drags < 5) {
            drag(fifth, MouseButton.PRIMARY).moveBy(0, -200).drop();
            assertOnScreen("services");
            drags++;
        }
        assertThat(fullyVisible(fifth)).as("fifth service shown after %d drags", drags).isTrue();
        // Dragging back down on the gap between the cards works as well as on a card.
        String fourth = "#service-" + livelihood().get(3).code();
        javafx.geometry.Point2D gap = gapAbove(fourth, fifth);
        double before = offset();
        moveTo(gap);
        press(MouseButton.PRIMARY);
        moveBy(0, 60);
        moveBy(0, 60);
        release(MouseButton.PRIMARY);
        assertOnScreen("services");
        assertThat(offset()).isLessThan(before);
        assertThat(ui.flow().session().service()).isNull();
    }

    @Test
    void aTapOpensTheCardEvenWithAFingersWobble() {
        openLivelihood();
        String first = "#service-" + livelihood().get(0).code();
        // A finger is never quite still: a few pixels between press and release still count as a tap.
        moveTo(first);
        press(MouseButton.PRIMARY);
        moveBy(4, 5);
        release(MouseButton.PRIMARY);
        awaitScreen("identify");
        assertThat(ui.flow().session().service().code()).isEqualTo(livelihood().get(0).code());
    }

    @Test
    void pageButtonsStepThroughTheListAndStopAtItsEnds() {
        openLivelihood();
        String last = "#service-" + livelihood().get(livelihood().size() - 1).code();
        await("the page buttons", () -> lookup("#page-down").query().isVisible());
        assertThat(lookup("#page-up").query().isDisabled()).isTrue();
        int taps = 0;
        while (!lookup("#page-down").query().isDisabled() && taps < 10) {
            clickOn("#page-down");
            taps++;
        }
        assertThat(taps).as("page taps to the end").isBetween(1, 4);
        assertThat(fullyVisible(last)).isTrue();
        assertThat(lookup("#page-up").query().isDisabled()).isFalse();
        assertOnScreen("services");
        while (!lookup("#page-up").query().isDisabled() && taps < 20) {
            clickOn("#page-up");
            taps++;
        }
        assertThat(offset()).isZero();
    }

    /**
     * The elders' mode pages its cards, in both languages, every window: each page's cards lie
     * wholly inside the list's room, and More walks through every service once, in order. Two
     * English cards a page had not fitted: the second lost its last lines (who may come instead,
     * whether a card is needed) and More skipped them.
     */
    /**
     * A card is the same size focused or not, in both themes and modes: its focus ring widened its
     * border, so the focused card grew 10 px and the elders' pages broke differently as the focus
     * moved (More landed on the page it left).
     */
    @Test
    void aCardKeepsItsSizeWhenFocused() {
        for (boolean contrast : java.util.List.of(false, true)) {
            for (boolean elders : java.util.List.of(false, true)) {
                interact(() -> {
                    ui.flow().home();
                    ui.flow().highContrastProperty().set(contrast);
                    ui.flow().setEldersMode(elders);
                    ui.flow().openWindow(kiosk.catalog().windows().get(0));
                });
                awaitScreen("services");
                double[] h = new double[4];
                interact(() -> {
                    javafx.scene.layout.Region card = (javafx.scene.layout.Region) visibleCards().get(0);
                    lookup("#kiosk").query().requestFocus();
                    laidOut();
                    h[0] = card.getHeight();
                    h[1] = card.getInsets().getTop();
                    card.requestFocus();
                    laidOut();
                    h[2] = card.getHeight();
                    h[3] = card.getInsets().getTop();
                });
                String state = (contrast ? "high contrast" : "normal") + (elders ? ", elders" : "");
                assertThat(h[2]).as(state + ": the focused card's height").isEqualTo(h[0]);
                assertThat(h[3]).as(state + ": its inner space").isEqualTo(h[1]);
            }
        }
    }

    @Test
    void theEldersPagesShowEveryServiceWholeInBothLanguages() {
        for (java.util.Locale lang : java.util.List.of(java.util.Locale.SIMPLIFIED_CHINESE, java.util.Locale.ENGLISH)) {
            int pages = 0;
            int services = 0;
            for (var w : kiosk.catalog().windows()) {
                services += kiosk.catalog().servicesOf(w.code()).size();
                interact(() -> {
                    ui.flow().home();
                    ui.flow().setEldersMode(true);
                    ui.flow().texts().localeProperty().set(lang);
                    ui.flow().openWindow(w);
                });
                awaitScreen("services");
                java.util.List<String> seen = new java.util.ArrayList<>();
                for (int p = 1; p <= 20; p++) {
                    String at = lang.getLanguage() + " " + w.code() + " page " + p;
                    await("the page laid out " + at, () -> !visibleCards().isEmpty());
                    interact(() -> {
                        Bounds room = scroll().localToScene(scroll().getLayoutBounds());
                        for (Node c : visibleCards()) {
                            Bounds b = c.localToScene(c.getLayoutBounds());
                            assertThat(b.getMinY()).as("top of %s, %s", c.getId(), at).isGreaterThanOrEqualTo(room.getMinY() - 0.5);
                            assertThat(b.getMaxY()).as("bottom of %s, %s", c.getId(), at).isLessThanOrEqualTo(room.getMaxY() + 0.5);
                            seen.add(c.getId());
                        }
                    });
                    if (p == 1) {
                        snapshot("elders-services-" + w.code() + "-" + lang.getLanguage());
                    }
                    pages++;
                    var more = lookup("#page-down").tryQuery();
                    if (more.isEmpty() || !more.get().isVisible() || more.get().isDisabled()) {
                        break;
                    }
                    String was = text("#services-page");
                    tap("#page-down");
                    await("the next page after " + was, () -> !was.equals(text("#services-page")));
                }
                assertThat(seen).as("every service once, in order: %s %s", lang, w.code()).containsExactlyElementsOf(
                        kiosk.catalog().servicesOf(w.code()).stream().map(s -> "service-" + s.code()).toList());
            }
            System.out.printf("elders' pages in %s: %d for %d services%n", lang, pages, services);
            if (lang.getLanguage().equals("zh")) {
                // Two short Chinese cards share a page (screens review 2, finding 2: they missed by
                // 12 px, and 民生保障 took nine pages for nine services, half of each screen empty).
                assertThat(pages).as("elders' pages in Chinese for %d services", services).isLessThan(services);
            }
        }
    }

    private java.util.List<Node> visibleCards() {
        return lookup("#service-list .service").queryAll().stream().filter(Node::isVisible).toList();
    }
}
