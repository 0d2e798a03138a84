package org.onetrip.kiosk.ui.home;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.onetrip.kiosk.catalog.ServiceWindow;
import org.onetrip.kiosk.ui.Flow;
import org.onetrip.kiosk.ui.Icons;
import org.onetrip.kiosk.ui.Resources;
import org.onetrip.kiosk.ui.Screen;
import org.onetrip.kiosk.ui.Texts;
import org.onetrip.kiosk.ui.Ui;

/** The four windows of the centre as big tiles, and "check my request". */
public final class HomeScreen implements Screen {
    /** The home screen's own rules, scoped by its root id (no font sizes: the elders' mode scales kiosk.css's). */
    static final String STYLESHEET = "/ui/home.css";
    private final Flow flow;

    public HomeScreen(Flow flow) {
        this.flow = flow;
    }

    @Override
    public String id() {
        return "home";
    }

    /** The welcome, then the four windows by name and "check my request", as the tiles read. */
    @Override
    public org.onetrip.kiosk.speech.Utterance spoken(Texts t) {
        org.onetrip.kiosk.ui.speech.Spoken s = org.onetrip.kiosk.ui.speech.Spoken.in(t).key("home.title").key("home.subtitle");
        for (ServiceWindow w : flow.kiosk().catalog().windows()) {
            s.text(t.of(w.name()));
        }
        return s.key("home.check").build();
    }

    @Override
    public boolean isRest() {
        return true;
    }

    @Override
    public Parent build() {
        Texts t = flow.texts();
        Label title = Ui.label(t.get("home.title"), Ui.TITLE);
        Label sub = Ui.label(t.get("home.subtitle"), Ui.SUBTITLE);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("tiles");
        grid.setHgap(24);
        grid.setVgap(24);
        int i = 0;
        for (ServiceWindow w : flow.kiosk().catalog().windows()) {
            Button tile = tile(w, t);
            grid.add(tile, i % 2, i / 2);
            i++;
        }
        for (int c = 0; c < 2; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < (i + 1) / 2; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setVgrow(Priority.ALWAYS);
            rc.setPercentHeight(100.0 / ((i + 1) / 2));
            grid.getRowConstraints().add(rc);
        }
        VBox.setVgrow(grid, Priority.ALWAYS);

        Button check = new Button();
        check.setId("check-status");
        check.getStyleClass().addAll("tile", "tile-status");
        Label checkName = Ui.label(t.get("home.check"), "tile-name");
        Label checkHint = Ui.label(t.get("home.check.hint"), "tile-desc");
        // The elders' mode: the names only in the bottom row (their hints did not fit the larger text).
        boolean elders = flow.session().elders();
        HBox checkBox = new HBox(24, Icons.icon(Icons.QR, 56), elders ? new VBox(4, checkName) : new VBox(4, checkName, checkHint));
        checkBox.setAlignment(Pos.CENTER_LEFT);
        check.setGraphic(checkBox);
        graphicOnly(check);
        check.setMaxWidth(Double.MAX_VALUE);
        check.setOnAction(e -> flow.checkStatus(null));

        // The elders' mode: the number to call on the title's line, in fewer words, and no
        // subtitle (spoken still): the two-line English names need the height (ScreenAuditTest).
        HBox heading = elders ? new HBox(24, title, Ui.spacer()) : new HBox(24, sub, Ui.spacer());
        heading.setAlignment(elders ? Pos.BASELINE_LEFT : Pos.CENTER_LEFT);
        String phone = flow.kiosk().config().centrePhone();
        if (!phone.isEmpty()) {
            heading.getChildren().add(help(t.get("home.help", phone)));
        }
        // The bottom row, one line high: "check my request", then the visit's two switches (长辈模式,
        // high contrast) as wide as their names. Stacked, they made the row 190 px tall and the
        // English tiles' texts ran over their borders (ScreenAuditTest's overflow check).
        HBox bottom = new HBox(16, check, eldersButton(t), contrastButton(t));
        bottom.setId("home-bottom");
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setFillHeight(true);
        HBox.setHgrow(check, Priority.ALWAYS);
        check.setMinHeight(Region.USE_PREF_SIZE); // the larger text of the elders' mode stays inside
        VBox root = new VBox(18, elders ? heading : new VBox(4, title, heading), grid, bottom);
        root.getStylesheets().add(Resources.url(STYLESHEET));
        return root;
    }

    /** High contrast for this visit (issue 12): one tap, undone by a second or by the visit's end. */
    private ToggleButton contrastButton(Texts t) {
        ToggleButton b = modeSwitch("theme-toggle", Icons.CONTRAST, t.get("home.theme.high-contrast"));
        b.getStyleClass().addAll(Ui.SECONDARY, "mode-toggle");
        Ui.mirror(b, flow.highContrastProperty());
        // What a screen reader says (the Narrator: on focus, and again when the switch turns): the
        // state too, which the drawn switch shows only by its colour.
        Ui.saysState(b, t.get("home.theme.high-contrast"), t.get("home.theme.high-contrast.on"));
        return b;
    }

    /**
     * 长辈模式 (issue 12): one tap makes this visit's text larger, its screens shorter, its words
     * plainer and its time limits double; a second tap undoes it. The visit's end ends it.
     */
    private ToggleButton eldersButton(Texts t) {
        boolean on = flow.session().elders();
        // Its name only, with a tick when on: "长辈模式已打开" did not fit one line beside the others
        // at the mode's size. The state is also the button's colour, and what a screen reader says.
        ToggleButton b = modeSwitch("elders-mode", on ? Icons.CHECK : Icons.TEXT_SIZE, t.get("home.elders"));
        b.getStyleClass().addAll("tile", "tile-elders");
        b.setSelected(on);
        b.setAccessibleText(t.get(on ? "home.elders.on" : "home.elders"));
        b.setOnAction(e -> flow.setEldersMode(!on));
        return b;
    }

    /** A switch of the bottom row: an icon and its name on one line, never narrower than both. */
    private static ToggleButton modeSwitch(String id, String icon, String text) {
        ToggleButton b = new ToggleButton();
        b.setId(id);
        Label name = Ui.label(text, "mode-name");
        name.setId(id + "-name");
        name.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        HBox box = new HBox(12, Icons.icon(icon, 36), name);
        box.setAlignment(Pos.CENTER_LEFT);
        b.setGraphic(box);
        graphicOnly(b);
        b.setMinSize(Region.USE_PREF_SIZE, 64);
        b.setMaxHeight(Double.MAX_VALUE);
        return b;
    }

    /** "Need help? Call …": the centre's number where the resident is told to call it. */
    public static HBox help(String text) {
        Label l = Ui.label(text, "help-phone");
        l.setId("help-phone");
        l.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(10, Icons.icon(Icons.PHONE, 28), l);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("help");
        return box;
    }

    private Button tile(ServiceWindow w, Texts t) {
        Button b = new Button();
        b.setId("tile-" + w.code());
        b.getStyleClass().addAll("tile", "tile-" + w.code());
        Label name = Ui.label(t.of(w.name()), "tile-name");
        Label desc = Ui.label(t.of(w.description()), "tile-desc");
        Label count = Ui.label(t.get("home.tile.count", flow.kiosk().catalog().servicesOf(w.code()).size()), "tile-count");
        Label letter = Ui.label(String.valueOf(w.letter()), "tile-letter");
        letter.setMinWidth(Region.USE_PREF_SIZE);
        // The elders' mode shows the window's name only: fewer things to read per tile.
        VBox text = flow.session().elders() ? new VBox(2, name) : new VBox(2, name, desc, count);
        text.setAlignment(Pos.CENTER_LEFT);
        for (Label l : new Label[] {name, desc, count}) {
            l.setMinHeight(Region.USE_PREF_SIZE); // wrap to the lines needed, never cut with "…"
        }
        HBox box = new HBox(24, Icons.icon(Icons.byName(w.icon()), 64), text, letter);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        b.setGraphic(box);
        graphicOnly(b);
        b.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        b.setOnAction(e -> flow.openWindow(w));
        return b;
    }

    /**
     * A tile shows only its graphic, wrapped at the tile's width: with the default content display
     * (LEFT) a button takes its graphic's one-line width off the room it gives that same graphic,
     * and the English names were cut with "…" (issue 10).
     */
    private static void graphicOnly(javafx.scene.control.ButtonBase b) {
        b.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        b.setWrapText(true);
    }
}
