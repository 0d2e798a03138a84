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
        g.setHgap(16);
        g.setVgap(6);
        int row = 0;
        row = add(g, row, t.get("identity.name"), id.name(), idPrefix + "-name");
        row = add(g, row, t.get("identity.sex"), t.get("identity.sex." + id.sex().name().toLowerCase(java.util.Locale.ROOT)), idPrefix + "-sex");
        if (id.birthDate() != null) {
            row = add(g, row, t.get("identity.birth"), id.birthDate().format(DateTimeFormatter.ISO_LOCAL_DATE), idPrefix + "-birth");
        }
        if (!id.address().isEmpty()) {
            row = add(g, row, t.get("identity.address"), id.address(), idPrefix + "-address");
        }
        add(g, row, t.get("identity.number"), id.maskedIdNumber(), idPrefix + "-number");
        VBox box = new VBox(8, title, g);
        box.getStyleClass().addAll(Ui.CARD, "identity-panel");
        return box;
    }

    private static int add(GridPane g, int row, String label, String value, String id) {
        Label k = Ui.label(label, "identity-key");
        Label v = Ui.label(value, "identity-value");
        v.setId(id);
        g.add(k, 0, row);
        g.add(v, 1, row);
        return row + 1;
    }
}
