package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every text on every screen is at least {@value #MIN_TEXT_RATIO}:1 against the pixels behind it
 * (WCAG 2 success criterion 1.4.6, contrast enhanced, AAA), and the focus ring is at least
 * {@value #MIN_RING_RATIO}:1 against the control and against what surrounds it (1.4.11).
 *
 * <p>Method, per state of the {@link ScreenTour} (both languages; {@link HighContrastContrastTest}
 * walks it again in the high-contrast theme), the technician's PIN and maintenance screens included:
 * <ol>
 * <li>Every {@link Text} node in the kiosk's scene is found: a label's, a button's, a field's text
 * or prompt, a standalone text. Nodes hidden, of zero effective opacity (the screen the idle
 * warning covers) or empty are left out.</li>
 * <li>The scene is snapshotted twice: as shown, and with every one of those texts at opacity 0
 * (opacity changes no layout, so everything else is drawn in the same place).</li>
 * <li>A text's glyph pixels are the pixels inside its bounds that differ between the two
 * snapshots. So a text clipped by a scroll pane, or covered, is measured where it shows, and not at
 * all when it does not show: the bounds are cut to what the parents' clips (a scroll pane's
 * viewport) let show, so a scrolled-away text does not claim the header's glyphs drawn where its
 * bounds would be. Texts do not overlap on these screens, so a neighbour's glyphs do not count.</li>
 * <li>The background is read from the second snapshot at exactly those pixels, so it is what is
 * behind the glyphs, not a guess from the node's style: the colour found at most glyph pixels is
 * the background; any other colour behind at least a tenth of them (a text over two colours, a
 * gradient's far end) is checked too and the worst counts.</li>
 * <li>The text colour is the node's fill, its alpha multiplied by the opacity of the node and of
 * every parent (a disabled control's 0.4, a translucent tile text), composited over that
 * background: exactly what a fully covered glyph pixel shows. Anti-aliased edge pixels are a mix of
 * the two and are not taken for the text colour. A fill that is not a plain colour is read from the
 * glyph pixel farthest from the background instead.</li>
 * <li>The ratio is WCAG 2's (L1 + 0.05) / (L2 + 0.05) of relative luminances.</li>
 * </ol>
 * The focus ring: a control is snapshotted, focused, snapshotted again; the pixels that changed
 * within 6 px of it are the ring. Each of its colours (one covering at least 15 % of the ring;
 * corners' anti-aliasing excluded) is compared with the control's own colour (a band 10 to 14 px
 * inside its edge) and with its surroundings (a band 3 to 7 px outside). The ring passes when some
 * colour of it stands out 3:1 from the control and some from the surroundings: a two-colour ring
 * (WCAG technique C40) is seen on a dark tile and on the light paper alike.
 *
 * <p>The device simulator window is a developer aid beside the kiosk, not on its screen, and is not
 * measured. Every figure is written to target/contrast-THEME.txt.
 */
class ContrastTest extends ScreenTour {
    static final double MIN_TEXT_RATIO = 7.0;
    static final double MIN_RING_RATIO = 3.0;

    final Map<String, String> lowTexts = new TreeMap<>();
    final Map<String, String> lowRings = new TreeMap<>();
    final List<String> figures = new ArrayList<>();
    int measured;

    String theme() {
        return "normal";
    }

    @Test
    void everyTextIsSevenToOneAgainstItsBackgroundAndTheFocusRingThreeToOne() throws IOException {
        tour();

        // Focus rings: on home (tiles, check, header), a service list (cards, buttons), the form.
        interact(() -> ui.flow().home());
        awaitScreen("home");
        for (String q : List.of("#tile-party", "#tile-economy", "#tile-opinion", "#tile-livelihood", "#check-status",
                "#theme-toggle", "#language")) {
            ring("home", q);
        }
        interact(() -> ui.flow().openWindow(kiosk.catalog().windows().get(0)));
        awaitScreen("services");
        ring("services", ".service");
        ring("services", "#back");
        ring("services", "#language");
        ring("services", "#home");
        startService("residence-certificate");
        awaitScreen("identify");
        reader().place(org.onetrip.kiosk.idcard.FictionalCards.LAI_JIAJIA);
        awaitScreen("form");
        ring("form", "#next");
        ring("form", ".choice");

        Path out = Path.of("target", "contrast-" + theme() + ".txt");
        Files.createDirectories(out.getParent());
        Files.write(out, figures);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(audited).as("states measured").hasSizeGreaterThanOrEqualTo(44);
        soft.assertThat(measured).as("texts measured").isGreaterThan(500);
        soft.assertThat(lowTexts).as("%s theme: texts under %s:1 against the pixels behind them (screen, node \"text\": ratio)",
                theme(), MIN_TEXT_RATIO).isEmpty();
        soft.assertThat(lowRings).as("%s theme: focus rings under %s:1 against the control or its surroundings",
                theme(), MIN_RING_RATIO).isEmpty();
        soft.assertAll();
    }

    /**
     * The method on a known pair: WCAG's own example grey #767676 on white is 4.54:1, black on white
     * 21:1; a label at half opacity is measured as the colour it is drawn in.
     */
    @Test
    void theMethodMeasuresKnownPairsAsWcagDoes() {
        assertThat(ratio(Color.BLACK, Color.WHITE)).isCloseTo(21.0, within(0.01));
        double[] r = new double[3];
        interact(() -> {
            Label grey = new Label("灰色 grey");
            grey.setStyle("-fx-text-fill: #767676; -fx-font-size: 24px;");
            Label half = new Label("一半 half");
            half.setStyle("-fx-text-fill: black; -fx-font-size: 24px;");
            half.setOpacity(0.5);
            javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(20, grey, half);
            box.setStyle("-fx-background-color: white; -fx-padding: 20;");
            javafx.scene.Scene scene = new javafx.scene.Scene(box, 300, 200);
            box.applyCss();
            box.layout();
            Map<Text, Double> texts = new IdentityHashMap<>();
            collectTexts(box, 1.0, texts);
            WritableImage shown = scene.snapshot(null);
            texts.keySet().forEach(t -> t.setOpacity(0));
            WritableImage behind = scene.snapshot(null);
            texts.keySet().forEach(t -> t.setOpacity(1));
            for (var e : texts.entrySet()) {
                Measure m = measure(e.getKey(), e.getValue(), shown.getPixelReader(), behind.getPixelReader(), 300, 200);
                r[e.getKey().getText().startsWith("灰") ? 0 : 1] = m.ratio();
                r[2] = luminance(m.background());
            }
        });
        assertThat(r[0]).as("#767676 on white").isCloseTo(4.54, within(0.01));
        assertThat(r[1]).as("black at half opacity on white (#808080)").isCloseTo(3.95, within(0.05));
        assertThat(r[2]).as("the background found").isCloseTo(1.0, within(0.001));
    }

    @Override
    void inspect(String state) {
        interact(() -> measureTexts(state));
    }

    private void measureTexts(String state) {
        Parent root = (Parent) lookup("#kiosk").query();
        root.applyCss();
        root.layout();
        Map<Text, Double> texts = new IdentityHashMap<>();
        collectTexts(root, 1.0, texts);
        WritableImage shown = root.getScene().snapshot(null);
        Map<Text, Double> kept = new IdentityHashMap<>();
        texts.keySet().forEach(t -> kept.put(t, t.getOpacity()));
        texts.keySet().forEach(t -> t.setOpacity(0));
        WritableImage behind;
        try {
            behind = root.getScene().snapshot(null);
        } finally {
            kept.forEach(Text::setOpacity);
        }
        for (var e : texts.entrySet()) {
            Measure m = measure(e.getKey(), e.getValue(), shown.getPixelReader(), behind.getPixelReader(),
                    (int) shown.getWidth(), (int) shown.getHeight());
            if (m == null) {
                continue;
            }
            measured++;
            String what = describe(e.getKey());
            figures.add(String.format(Locale.ROOT, "%-28s %5.2f  text %s on %s  %s", state, m.ratio, hex(m.text), hex(m.background), what));
            if (m.ratio < MIN_TEXT_RATIO) {
                lowTexts.merge(what, state + String.format(Locale.ROOT, " %.2f:1 (%s on %s)", m.ratio, hex(m.text),
                        hex(m.background)), (a, b) -> a.contains(b.substring(b.indexOf(' '))) ? a : a + "; " + b);
            }
        }
    }

    /** Every shown, non-empty text under {@code n}, with the opacity of its parents multiplied in. */
    private static void collectTexts(Node n, double opacity, Map<Text, Double> out) {
        double o = opacity * n.getOpacity();
        if (!n.isVisible() || o <= 0.001) {
            return;
        }
        if (n instanceof Text t && t.getText() != null && !t.getText().isBlank()) {
            out.put(t, o);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectTexts(c, o, out);
            }
        }
    }

    record Measure(double ratio, Color text, Color background) {
    }

    static Measure measure(Text t, double opacity, PixelReader shown, PixelReader behind, int w, int h) {
        Bounds b = shownPart(t);
        if (b == null) {
            return null;
        }
        int x0 = Math.max(0, (int) Math.floor(b.getMinX()));
        int y0 = Math.max(0, (int) Math.floor(b.getMinY()));
        int x1 = Math.min(w, (int) Math.ceil(b.getMaxX()));
        int y1 = Math.min(h, (int) Math.ceil(b.getMaxY()));
        Map<Integer, Integer> under = new HashMap<>();
        int glyph = 0;
        int farthest = 0;
        double farthestDiff = -1;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int s = shown.getArgb(x, y);
                int u = behind.getArgb(x, y);
                if (s != u) {
                    glyph++;
                    under.merge(u, 1, Integer::sum);
                    double d = distance(s, u);
                    if (d > farthestDiff) {
                        farthestDiff = d;
                        farthest = s;
                    }
                }
            }
        }
        if (glyph < 8) {
            return null; // not drawn where it can be seen
        }
        Measure worst = null;
        int dominant = under.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        for (var e : under.entrySet()) {
            if (e.getKey() != dominant && e.getValue() * 10 < glyph) {
                continue;
            }
            Color bg = argb(e.getKey());
            Color fg = t.getFill() instanceof Color c
                    ? over(new Color(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity() * opacity), bg)
                    : argb(farthest);
            double r = ratio(fg, bg);
            if (worst == null || r < worst.ratio) {
                worst = new Measure(r, fg, bg);
            }
        }
        return worst;
    }

    /**
     * The part of a text's bounds its parents' clips let show, in the scene; null when none does.
     * A text scrolled out of a scroll pane's viewport has bounds over other things (the header):
     * their pixels are not its glyphs.
     */
    private static Bounds shownPart(Text t) {
        Bounds b = t.localToScene(t.getBoundsInLocal());
        for (Node p = t; p != null; p = p.getParent()) {
            if (p.getClip() != null) {
                Bounds c = p.localToScene(p.getClip().getBoundsInParent());
                double x0 = Math.max(b.getMinX(), c.getMinX());
                double y0 = Math.max(b.getMinY(), c.getMinY());
                double x1 = Math.min(b.getMaxX(), c.getMaxX());
                double y1 = Math.min(b.getMaxY(), c.getMaxY());
                if (x1 <= x0 || y1 <= y0) {
                    return null;
                }
                b = new javafx.geometry.BoundingBox(x0, y0, x1 - x0, y1 - y0);
            }
        }
        return b;
    }

    /**
     * Focuses the first shown node matching {@code query} and measures the ring it gains against
     * the control's own colour and its surroundings.
     */
    void ring(String state, String query) {
        Node n = awaitNode(query);
        WritableImage[] unfocused = new WritableImage[1];
        interact(() -> {
            Parent root = (Parent) lookup("#kiosk").query();
            root.requestFocus();
            root.applyCss();
            root.layout();
            unfocused[0] = root.getScene().snapshot(null);
        });
        // An answer of a choice draws its ring only for a focus the keys brought (:focus-visible; a
        // finger's focus drew a ring that read as "chosen"): Tab to it from its question.
        boolean byKeys = n.getStyleClass().contains("choice");
        if (byKeys) {
            interact(() -> {
                Node card = n;
                while (card != null && !card.getStyleClass().contains("field")) {
                    card = card.getParent();
                }
                (card != null ? card : n).requestFocus();
            });
            type(javafx.scene.input.KeyCode.TAB);
        }
        interact(() -> {
            Parent root = (Parent) lookup("#kiosk").query();
            WritableImage before = unfocused[0];
            if (!byKeys) {
                n.requestFocus();
            }
            root.applyCss();
            root.layout();
            WritableImage after = root.getScene().snapshot(null);
            String what = state + " " + query;
            if (!n.isFocused()) {
                lowRings.put(what, "could not be focused");
                return;
            }
            Bounds b = n.localToScene(n.getLayoutBounds());
            PixelReader pb = before.getPixelReader();
            PixelReader pa = after.getPixelReader();
            int w = (int) after.getWidth();
            int h = (int) after.getHeight();
            Map<Integer, Integer> ringColours = new HashMap<>();
            int changed = 0;
            for (int y = Math.max(0, (int) b.getMinY() - 6); y < Math.min(h, (int) b.getMaxY() + 6); y++) {
                for (int x = Math.max(0, (int) b.getMinX() - 6); x < Math.min(w, (int) b.getMaxX() + 6); x++) {
                    if (pa.getArgb(x, y) != pb.getArgb(x, y)) {
                        changed++;
                        ringColours.merge(pa.getArgb(x, y), 1, Integer::sum);
                    }
                }
            }
            if (changed == 0) {
                lowRings.put(what, "focus changes nothing on screen");
                return;
            }
            Color control = argb(band(pa, b, -14, -10, w, h));
            Color around = argb(band(pa, b, 3, 7, w, h));
            double bestControl = 0;
            double bestAround = 0;
            StringBuilder colours = new StringBuilder();
            for (var e : ringColours.entrySet()) {
                if (e.getValue() * 100 < changed * 15) {
                    continue;
                }
                Color c = argb(e.getKey());
                bestControl = Math.max(bestControl, ratio(c, control));
                bestAround = Math.max(bestAround, ratio(c, around));
                colours.append(colours.length() == 0 ? "" : "+").append(hex(c));
            }
            String figure = String.format(Locale.ROOT, "ring %s vs control %s %.2f:1, vs surroundings %s %.2f:1", colours,
                    hex(control), bestControl, hex(around), bestAround);
            figures.add(String.format(Locale.ROOT, "%-28s %s", what, figure));
            if (bestControl < MIN_RING_RATIO || bestAround < MIN_RING_RATIO) {
                lowRings.put(what, figure);
            }
        });
    }

    /**
     * The most frequent colour in the band between {@code from} and {@code to} px off the bounds'
     * edge (negative: inside).
     */
    private static int band(PixelReader p, Bounds b, int from, int to, int w, int h) {
        Map<Integer, Integer> count = new HashMap<>();
        int ox0 = (int) Math.floor(b.getMinX()) - to;
        int oy0 = (int) Math.floor(b.getMinY()) - to;
        int ox1 = (int) Math.ceil(b.getMaxX()) + to;
        int oy1 = (int) Math.ceil(b.getMaxY()) + to;
        int ix0 = (int) Math.floor(b.getMinX()) - from;
        int iy0 = (int) Math.floor(b.getMinY()) - from;
        int ix1 = (int) Math.ceil(b.getMaxX()) + from;
        int iy1 = (int) Math.ceil(b.getMaxY()) + from;
        if (from > to) { // inside: the outer edge is "from"
            int[] s = {ox0, oy0, ox1, oy1};
            ox0 = ix0; oy0 = iy0; ox1 = ix1; oy1 = iy1;
            ix0 = s[0]; iy0 = s[1]; ix1 = s[2]; iy1 = s[3];
        }
        for (int y = Math.max(0, oy0); y < Math.min(h, oy1); y++) {
            for (int x = Math.max(0, ox0); x < Math.min(w, ox1); x++) {
                if (x >= ix0 && x < ix1 && y >= iy0 && y < iy1) {
                    continue;
                }
                count.merge(p.getArgb(x, y), 1, Integer::sum);
            }
        }
        return count.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static Color over(Color fg, Color bg) {
        double a = fg.getOpacity();
        return Color.color(fg.getRed() * a + bg.getRed() * (1 - a), fg.getGreen() * a + bg.getGreen() * (1 - a),
                fg.getBlue() * a + bg.getBlue() * (1 - a));
    }

    private static Color argb(int v) {
        return Color.rgb((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
    }

    private static double distance(int a, int b) {
        return Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff)) + Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff))
                + Math.abs((a & 0xff) - (b & 0xff));
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    /** The text's owner (label, button, field) by id or style class, and the text. */
    private static String describe(Text t) {
        Node owner = t;
        for (Node p = t.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Labeled || p instanceof TextInputControl) {
                owner = p;
                break;
            }
        }
        StringBuilder path = new StringBuilder();
        for (Node p = owner; p != null && path.length() < 80; p = p.getParent()) {
            String name = p.getId() != null ? "#" + p.getId()
                    : p.getStyleClass().isEmpty() ? null : "." + p.getStyleClass().get(p.getStyleClass().size() - 1);
            if (name != null && (p == owner || p.getId() != null)) {
                path.insert(0, path.length() == 0 ? name : name + " > ");
            }
            if (p != owner && p.getId() != null) {
                break;
            }
        }
        String text = t.getText().replace('\n', ' ');
        return path + " \"" + (text.length() > 30 ? text.substring(0, 30) + "…" : text) + "\"";
    }
}
