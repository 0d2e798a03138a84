package org.onetrip.kiosk.ui;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextInputControl;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.idcard.FictionalCards;

/**
 * Walks every screen a resident can see, and the technician's PIN and maintenance screens, in both
 * languages at 1280x800 ({@link ScreenTour}), and checks what a finger
 * and an eye meet there (issue 10):
 * <ul>
 * <li>every visible touch target (button, toggle, text field, scroll bar, anything with a mouse or
 * touch handler; keyboard and keypad keys included) is at least {@value #MIN_TARGET} px each way;</li>
 * <li>no text is cut: what a label draws is its whole text, never shortened with "…";</li>
 * <li>no text runs out of the button it labels (a tile's name over its border or onto the next tile);</li>
 * <li>no wrapped line holds a single Chinese character alone;</li>
 * <li>no word or number is broken across two lines ("D-00" / "1", "2026-11-" / "29"): a line that
 * is too narrow for one word makes JavaFX break inside it, and a date may break at its hyphens;</li>
 * <li>no text (label, button, field, standalone text) is drawn smaller than {@value #MIN_TEXT} px
 * (issue 12: the kiosk is read at arm's length, often by elderly residents);</li>
 * <li>the screen fits the window: no layer of the scene (the header and the screen under it, the
 * overlays) is laid out larger than 1280x800, and no text is drawn outside it. A screen whose
 * content needs more than the window is centred on it by the root and loses both edges: the
 * header's first line above the top, the buttons below the bottom.</li>
 * </ul>
 * Each state is also saved as target/screens/audit-*.png for people to look at.
 */
class ScreenAuditTest extends ScreenTour {
    static final double MIN_TARGET = 64;
    static final double MIN_TEXT = 24;
    /** The header's height with the centre's name and tagline on a line each (kiosk.css .header). */
    static final double HEADER_HEIGHT = 100;

    private final Map<String, String> smallTargets = new TreeMap<>();
    private final Map<String, String> clippedTexts = new TreeMap<>();
    private final Map<String, String> orphans = new TreeMap<>();
    /** Words and numbers broken inside, across two lines. */
    private final Map<String, String> brokenWords = new TreeMap<>();
    private final Map<String, String> smallTexts = new TreeMap<>();
    /** Texts drawn partly outside the 1280×800 window (not inside a scroll pane, which clips on purpose). */
    private final Map<String, String> offScreen = new TreeMap<>();
    /** Layers of the scene (the root's children) laid out beyond the window. */
    private final Map<String, String> oversized = new TreeMap<>();
    /** Texts drawn partly outside the button they label: over its border, onto the next tile. */
    private final Map<String, String> overflowing = new TreeMap<>();
    /** Disabled buttons whose icon keeps an active colour (a red arrow on a grey, dashed face). */
    private final Map<String, String> liveIcons = new TreeMap<>();
    /** Dialogs drawn over the header's controls (half a clock, half a Home button above the card). */
    private final Map<String, String> overHeader = new TreeMap<>();
    /** Headers taller than one line of the centre's name and its tagline (the name wrapped). */
    private final Map<String, String> tallHeaders = new TreeMap<>();

    @Test
    void everyResidentScreenHasBigTargetsWholeTextsAndNoOrphanCharactersInBothLanguages() {
        tour();

        findings().assertAll();
    }

    /**
     * The same checks with the elders' mode on (issue 12): 1.5× text, services two a page, the form
     * one question a page, the doubled countdowns; every page of every window and of the form.
     */
    @Test
    void theEldersModesScreensToo() {
        awaitScreen("home");
        eldersOn();
        auditBoth("elders-home");
        // Both of home's switches on at once: the bottom row at its widest.
        interact(() -> ui.flow().highContrastProperty().set(true));
        auditBoth("elders-home-high-contrast");
        interact(() -> ui.flow().highContrastProperty().set(false));
        for (var w : kiosk.catalog().windows()) {
            interact(() -> ui.flow().openWindow(w));
            awaitScreen("services");
            for (int p = 1; ; p++) {
                auditBoth("elders-services-" + w.code() + "-" + p);
                var more = lookup("#page-down").tryQuery();
                if (more.isEmpty() || more.get().isDisabled()) {
                    break;
                }
                tap("#page-down");
            }
        }
        startService("house-rebuild");
        eldersOn();
        awaitScreen("identify");
        auditBoth("elders-identify-agent");
        startService("residence-certificate");
        eldersOn();
        awaitScreen("identify");
        auditBoth("elders-identify");

        reader().place(FictionalCards.LAI_JIAJIA);
        awaitScreen("form");
        auditBoth("elders-form-0");
        tap("#next");
        var service = kiosk.catalog().service("residence-certificate").orElseThrow();
        for (var a : service.attributes()) {
            await("the page of " + a.code(), () -> lookup("#card-" + a.code()).query().isVisible());
            auditBoth("elders-form-" + a.code());
            if (a.required()) {
                FormFiller.fill(this, a);
                audit("elders-form-" + a.code() + "-filled-zh"); // with its keypad or keyboard, if any
                interact(() -> lookup("#kiosk").query().requestFocus()); // puts the keypad away
            }
            if (a == service.attributes().get(0)) {
                clock.advance(Duration.ofSeconds(81)); // the doubled countdown
                await("the idle warning", () -> lookup("#idle-overlay").query().isVisible());
                auditBoth("elders-idle");
                tap("#more-time");
                await("the warning to go", () -> !lookup("#idle-overlay").query().isVisible());
            }
            tap("#next");
        }
        awaitScreen("review");
        auditBoth("elders-review");
        tap("#submit");
        awaitScreen("done");
        await("the receipt to print", () -> printer().printed().size() == 1);
        auditBoth("elders-done");
        String url = ui.flow().session().filing().statusUrl();

        interact(() -> {
            ui.idle().activity();
            ui.flow().home();
        });
        awaitScreen("home");
        eldersOn();
        scanner().scan(url);
        await("the receipt's status", () -> lookup("#status-ticket").tryQuery().isPresent());
        auditBoth("elders-status");
        clock.advance(Duration.ofSeconds(61));
        await("the status screen's warning", () -> lookup("#idle-overlay").query().isVisible());
        auditBoth("elders-status-idle");

        // The on-screen keyboard and the writing pad in the mode (the form above has keypads and
        // pickers only): the keyboard's own stylesheet had kept its sizes, then its larger text
        // did not fit its keys. Opened in each language (a language switch closes it).
        for (java.util.Locale lang : java.util.List.of(java.util.Locale.SIMPLIFIED_CHINESE, java.util.Locale.ENGLISH)) {
            interact(() -> {
                ui.idle().activity();
                ui.flow().home();
            });
            awaitScreen("home");
            eldersOn();
            language(lang);
            openSuggestionKeyboard();
            audit("elders-keyboard-" + lang.getLanguage());
            if (lang.getLanguage().equals("zh")) {
                tap("#mode-handwriting");
                awaitNode("#handwriting-pad");
                audit("elders-handwriting-zh");
            }
        }

        findings().assertAll();
    }

    /** What every audit asserts, softly, so one run lists all. */
    private SoftAssertions findings() {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(audited).as("states audited").hasSizeGreaterThanOrEqualTo(44);
        soft.assertThat(smallTargets).as("touch targets smaller than %s px", MIN_TARGET).isEmpty();
        soft.assertThat(clippedTexts).as("texts cut short on screen").isEmpty();
        soft.assertThat(smallTexts).as("texts smaller than %s px", MIN_TEXT).isEmpty();
        soft.assertThat(orphans).as("wrapped lines holding one Chinese character alone").isEmpty();
        soft.assertThat(brokenWords).as("words or numbers broken across two lines").isEmpty();
        soft.assertThat(overflowing).as("texts drawn outside the button they label").isEmpty();
        soft.assertThat(oversized).as("layers of the screen laid out beyond the window").isEmpty();
        soft.assertThat(offScreen).as("texts drawn outside the screen").isEmpty();
        soft.assertThat(liveIcons).as("disabled buttons whose icon looks active").isEmpty();
        soft.assertThat(overHeader).as("dialogs drawn over the header").isEmpty();
        soft.assertThat(tallHeaders).as("headers taller than %s px", HEADER_HEIGHT).isEmpty();
        return soft;
    }

    private void eldersOn() {
        interact(() -> ui.flow().setEldersMode(true));
        await("the elders' mode", () -> lookup("#kiosk").query().getStyleClass().contains("elders"));
    }

    @Override
    void inspect(String state) {
        interact(() -> {
            Parent root = laidOut();
            for (Node layer : root.getChildrenUnmodifiable()) {
                Bounds b = layer.localToScene(layer.getLayoutBounds());
                if (layer.isVisible() && layer.isManaged() && (b.getMinX() < -0.5 || b.getMinY() < -0.5
                        || b.getMaxX() > root.getScene().getWidth() + 0.5 || b.getMaxY() > root.getScene().getHeight() + 0.5)) {
                    oversized.merge(describe(layer), state + String.format(" %.0f×%.0f at x %.0f, y %.0f", b.getWidth(),
                            b.getHeight(), b.getMinX(), b.getMinY()), (a, c) -> a + "; " + c);
                }
            }
            walk(root, state);
            Node dialog = root.lookup("#idle-overlay .dialog");
            Node header = root.lookup(".header");
            // Without its rule below (high contrast draws one, 3 px): the English name wrapped to two
            // lines, and every screen lost a line of its own (third screens review, 5).
            double headerHeight = header == null ? 0 : header.getLayoutBounds().getHeight()
                    - (((javafx.scene.layout.Region) header).getBorder() == null ? 0
                            : ((javafx.scene.layout.Region) header).getBorder().getInsets().getBottom());
            if (headerHeight > HEADER_HEIGHT + 0.5) {
                tallHeaders.merge(".header", state + String.format(" %.0f px", headerHeight), (a, c) -> a + "; " + c);
            }
            if (dialog != null && header != null && dialog.getParent().isVisible()) {
                double top = dialog.localToScene(dialog.getLayoutBounds()).getMinY();
                double headerBottom = header.localToScene(header.getLayoutBounds()).getMaxY();
                if (top < headerBottom - 0.5) {
                    overHeader.merge("#idle-overlay .dialog", state + String.format(" top %.0f, header to %.0f", top, headerBottom),
                            (a, c) -> a + "; " + c);
                }
            }
        });
        snapshot("audit-" + state);
    }

    private void walk(Node n, String state) {
        if (!n.isVisible() || n.getOpacity() == 0) {
            return;
        }
        if (n instanceof ButtonBase button && button.isDisabled() && button.getGraphic() != null) {
            // Its icon in the disabled ink, the colour of its words (kiosk.css .button:disabled .icon).
            for (Node icon : button.getGraphic().lookupAll(".icon")) {
                if (icon instanceof javafx.scene.layout.Region r && r.getBackground() != null && !r.getBackground().getFills().isEmpty()
                        && !r.getBackground().getFills().get(0).getFill().equals(button.getTextFill())) {
                    liveIcons.merge(describe(n), state + " " + r.getBackground().getFills().get(0).getFill() + " beside words in "
                            + button.getTextFill(), (a, c) -> a + "; " + c);
                }
            }
        }
        if (isTarget(n) && !n.isMouseTransparent()) {
            Bounds b = n.localToScene(n.getLayoutBounds());
            boolean bar = n instanceof ScrollBar;
            double w = b.getWidth();
            double h = b.getHeight();
            boolean tooSmall = bar ? (((ScrollBar) n).getOrientation() == Orientation.VERTICAL ? w : h) < MIN_TARGET
                    : w > 0 && h > 0 && (w < MIN_TARGET - 0.5 || h < MIN_TARGET - 0.5);
            if (tooSmall) {
                smallTargets.merge(describe(n), state + String.format(" %.0fx%.0f", w, h), (a, c) -> a + "; " + c);
            }
        }
        String shown = n instanceof Labeled l ? l.getText() : n instanceof TextInputControl f ? f.getText()
                : n instanceof Text t ? t.getText() : null;
        if (shown != null && !shown.isBlank()) {
            double size = n instanceof Labeled l ? l.getFont().getSize() : n instanceof TextInputControl f
                    ? f.getFont().getSize() : ((Text) n).getFont().getSize();
            if (size < MIN_TEXT - 0.01) {
                smallTexts.merge(describe(n) + " \"" + shown + "\"", state + String.format(" %.0f px", size),
                        (a, c) -> a + "; " + c);
            }
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && n.getScene() != null
                && !insideScrollPane(n)) {
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (b.getMinY() < -0.5 || b.getMaxY() > n.getScene().getHeight() + 0.5
                    || b.getMinX() < -0.5 || b.getMaxX() > n.getScene().getWidth() + 0.5) {
                offScreen.merge(describe(n) + " \"" + l.getText() + "\"", state + String.format(" y %.0f–%.0f", b.getMinY(),
                        b.getMaxY()), (a, c) -> a + "; " + c);
            }
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && !(n instanceof ButtonBase)) {
            ButtonBase owner = ownerButton(n);
            if (owner != null) {
                Bounds inner = n.localToScene(n.getLayoutBounds());
                Bounds outer = owner.localToScene(owner.getLayoutBounds());
                if (inner.getMinX() < outer.getMinX() - 0.5 || inner.getMaxX() > outer.getMaxX() + 0.5
                        || inner.getMinY() < outer.getMinY() - 0.5 || inner.getMaxY() > outer.getMaxY() + 0.5) {
                    overflowing.merge(describe(n) + " \"" + l.getText() + "\"", state + String.format(
                            " text %.0f×%.0f at y %.0f–%.0f in a button %.0f×%.0f at y %.0f–%.0f", inner.getWidth(),
                            inner.getHeight(), inner.getMinY(), inner.getMaxY(), outer.getWidth(), outer.getHeight(),
                            outer.getMinY(), outer.getMaxY()), (a, c) -> a + "; " + c);
                }
            }
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            Text drawn = drawnText(l);
            String want = l.isMnemonicParsing() ? l.getText().replace("_", "") : l.getText();
            if (drawn == null || !want.strip().equals(drawn.getText().strip())) {
                clippedTexts.merge(describe(n) + " \"" + l.getText() + "\"", state + " drew \""
                        + (drawn == null ? "nothing" : drawn.getText()) + "\"", (a, c) -> a + "; " + c);
            } else {
                String orphan = loneCjkLine(drawn);
                if (orphan != null) {
                    orphans.merge(describe(n) + " \"" + l.getText() + "\"", state + " line \"" + orphan + "\"",
                            (a, c) -> a + "; " + c);
                }
                String broken = brokenWord(drawn);
                if (broken != null) {
                    brokenWords.merge(describe(n) + " \"" + l.getText() + "\"", state + " broken at \"" + broken + "\"",
                            (a, c) -> a + "; " + c);
                }
            }
        }
        if (n instanceof Parent p && !(n instanceof Labeled)) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, state);
            }
        } else if (n instanceof Labeled l) {
            if (l.getGraphic() != null) {
                walk(l.getGraphic(), state);
            }
        }
        if (n instanceof ScrollBar sb) {
            for (Node c : sb.getChildrenUnmodifiable()) {
                walk(c, state);
            }
        }
    }

    /** The button whose graphic holds this node, or null. */
    private static ButtonBase ownerButton(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ButtonBase b) {
                return b;
            }
        }
        return null;
    }

    private static boolean insideScrollPane(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTarget(Node n) {
        return n instanceof ButtonBase || n instanceof TextInputControl || n instanceof ScrollBar
                || n.getOnMouseClicked() != null || n.getOnMousePressed() != null || n.getOnMouseReleased() != null
                || n.getOnTouchPressed() != null;
    }

    private static Text drawnText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t) {
                return t;
            }
        }
        return null;
    }

    /**
     * Where a wrapped text breaks a word or a number inside, across two lines ("D-00|1",
     * "Certifica|te"), or null: a line that ends and the next that starts with a letter or a digit
     * of a script that is not written without spaces (Chinese breaks anywhere, English at spaces).
     */
    static String brokenWord(Text t) {
        String s = t.getText();
        if (s == null || t.getWrappingWidth() <= 0) {
            return null;
        }
        java.util.List<Integer> starts = NoOrphanLabel.lineStarts(t);
        for (int k = 1; k < starts.size(); k++) {
            int i = starts.get(k);
            boolean inWord = i > 0 && i < s.length() && spaced(s.charAt(i - 1)) && spaced(s.charAt(i));
            // A date or a number broken at its hyphen ("2026-11-" / "29") is as hard to read.
            boolean inNumber = i > 1 && i < s.length() && s.charAt(i - 1) == '-' && Character.isDigit(s.charAt(i - 2))
                    && Character.isDigit(s.charAt(i));
            if (inWord || inNumber) {
                return s.substring(Math.max(0, i - 8), i) + "|" + s.substring(i, Math.min(s.length(), i + 8));
            }
        }
        return null;
    }

    private static boolean spaced(char c) {
        return Character.isLetterOrDigit(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN;
    }

    /** The text of a wrapped line that holds one CJK character and nothing else but punctuation, or null. */
    static String loneCjkLine(Text t) {
        String s = t.getText();
        if (s.isEmpty()) {
            return null;
        }
        // Each character's caret top tells its line.
        TreeMap<Double, StringBuilder> lines = new TreeMap<>();
        for (int i = 0; i < s.length(); i++) {
            PathElement[] caret = t.caretShape(i, true);
            double y = caret.length > 0 && caret[0] instanceof MoveTo m ? Math.round(m.getY()) : 0;
            lines.computeIfAbsent(y, k -> new StringBuilder()).append(s.charAt(i));
        }
        if (lines.size() < 2) {
            return null;
        }
        for (StringBuilder line : lines.values()) {
            String l = line.toString();
            int cjk = 0;
            int other = 0;
            for (int i = 0; i < l.length(); i++) {
                char c = l.charAt(i);
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                    cjk++;
                } else if (Character.isLetterOrDigit(c)) {
                    other++;
                }
            }
            if (cjk == 1 && other == 0) {
                return l;
            }
        }
        return null;
    }

    private static String describe(Node n) {
        StringBuilder path = new StringBuilder();
        TreeSet<String> seen = new TreeSet<>();
        for (Node p = n; p != null && path.length() < 120; p = p.getParent()) {
            String id = p.getId() != null ? "#" + p.getId()
                    : p.getStyleClass().isEmpty() ? p.getClass().getSimpleName() : "." + p.getStyleClass().get(p.getStyleClass().size() - 1);
            if (p == n || p.getId() != null) {
                if (seen.add(id)) {
                    path.insert(0, path.length() == 0 ? id : id + " > ");
                }
            }
            if (p.getId() != null && p != n) {
                break;
            }
        }
        return path.toString();
    }
}
