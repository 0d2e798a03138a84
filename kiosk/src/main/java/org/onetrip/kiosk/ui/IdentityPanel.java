package org.onetrip.kiosk.ui;

import java.time.format.DateTimeFormatter;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.onetrip.kiosk.idcard.Identity;

/**
 * What a card said, shown read-only: values that came from the card are never editable by hand.
 * The ID number is shown masked, as the screen faces a public lobby.
 */
public final class IdentityPanel {
    private IdentityPanel() {
    }

    public static VBox of(Texts t, String titleKey, Identity id, String idPrefix) {
        Label title = Ui.label(t.get(titleKey), "panel-title");
        GridPane g = new GridPane();
        g.getStyleClass().add("identity-grid");
        g.setHgap(18);
        g.setVgap(6);
        // Two pairs a row keeps both cards of a proxy filing on one screen.
        add(g, 0, 0, t.get("identity.name"), id.name(), idPrefix + "-name");
        add(g, 0, 2, t.get("identity.sex"), t.get("identity.sex." + id.sex().name().toLowerCase(java.util.Locale.ROOT)),
                idPrefix + "-sex");
        if (id.birthDate() != null) {
            Ui.unbroken(add(g, 1, 0, t.get("identity.birth"), id.birthDate().format(DateTimeFormatter.ISO_LOCAL_DATE),
                    idPrefix + "-birth"));
        }
        Ui.unbroken(add(g, 1, 2, t.get("identity.number"), id.maskedIdNumber(), idPrefix + "-number"));
        if (!id.address().isEmpty()) {
            Label v = add(g, 2, 0, t.get("identity.address"), id.address(), idPrefix + "-address");
            GridPane.setColumnSpan(v, 3);
        }
        VBox box = new VBox(8, title, g);
        box.getStyleClass().addAll(Ui.CARD, "identity-panel");
        return box;
    }

    private static Label add(GridPane g, int row, int col, String label, String value, String id) {
        Label k = Ui.label(label, "identity-key");
        Label v = Ui.label(value, "identity-value");
        v.setId(id);
        g.add(k, col, row);
        g.add(v, col + 1, row);
        return v;
    }
}
