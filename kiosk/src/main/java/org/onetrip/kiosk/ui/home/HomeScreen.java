package org.onetrip.kiosk.ui.home;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.onetrip.kiosk.catalog.ServiceWindow;
import org.onetrip.kiosk.ui.Flow;
import org.onetrip.kiosk.ui.Icons;
import org.onetrip.kiosk.ui.Screen;
import org.onetrip.kiosk.ui.Texts;
import org.onetrip.kiosk.ui.Ui;

/** The four windows of the centre as big tiles, and "check my request". */
public final class HomeScreen implements Screen {
    private final Flow flow;

    public HomeScreen(Flow flow) {
        this.flow = flow;
    }

    @Override
    public String id() {
        return "home";
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
        HBox checkBox = new HBox(24, Icons.icon(Icons.QR, 56), new VBox(4, checkName, checkHint));
        checkBox.setAlignment(Pos.CENTER_LEFT);
        check.setGraphic(checkBox);
        check.setMaxWidth(Double.MAX_VALUE);
        check.setOnAction(e -> flow.checkStatus(null));

        VBox root = new VBox(18, new VBox(4, title, sub), grid, check);
        return root;
    }

    private Button tile(ServiceWindow w, Texts t) {
        Button b = new Button();
        b.setId("tile-" + w.code());
        b.getStyleClass().addAll("tile", "tile-" + w.code());
        Label name = Ui.label(t.of(w.name()), "tile-name");
        Label desc = Ui.label(t.of(w.description()), "tile-desc");
        Label count = Ui.label(t.get("home.tile.count", flow.kiosk().catalog().servicesOf(w.code()).size()), "tile-count");
        Label letter = Ui.label(String.valueOf(w.letter()), "tile-letter");
        VBox text = new VBox(6, name, desc, count);
        text.setAlignment(Pos.CENTER_LEFT);
        HBox box = new HBox(24, Icons.icon(Icons.byName(w.icon()), 64), text, Ui.spacer(), letter);
        box.setAlignment(Pos.CENTER_LEFT);
        b.setGraphic(box);
        b.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        b.setOnAction(e -> flow.openWindow(w));
        return b;
    }
}
