package org.onetrip.kiosk.ui.maintenance;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.onetrip.kiosk.maintenance.PinVault;
import org.onetrip.kiosk.ui.Flow;
import org.onetrip.kiosk.ui.Icons;
import org.onetrip.kiosk.ui.Screen;
import org.onetrip.kiosk.ui.Texts;
import org.onetrip.kiosk.ui.Ui;
import org.onetrip.kiosk.ui.keyboard.Keypad;

/** The technician's PIN, reached by the hidden gesture. Five wrong PINs lock it for a while. */
public final class PinScreen implements Screen {
    private final Flow flow;
    private final PinVault vault;

    public PinScreen(Flow flow, PinVault vault) {
        this.flow = flow;
        this.vault = vault;
    }

    @Override
    public String id() {
        return "pin";
    }

    @Override
    public Parent build() {
        Texts t = flow.texts();
        Label title = Ui.label(t.get("maintenance.pin.title"), Ui.TITLE);
        PasswordField pin = new PasswordField();
        pin.setId("pin-field");
        pin.getStyleClass().add("field-input");
        pin.setMaxWidth(360);
        pin.setTextFormatter(new javafx.scene.control.TextFormatter<String>(c ->
                c.getControlNewText().matches("\\d{0,12}") ? c : null));
        Label message = Ui.label(vault.hasPin() ? "" : t.get("maintenance.pin.none"), "identify-message");
        message.setId("pin-message");
        Keypad pad = new Keypad(t.get("key.backspace"), t.get("key.clear"), "");
        pad.targetProperty().set(pin);
        Button ok = Ui.button("pin-ok", t.get("maintenance.pin.ok"), Ui.PRIMARY, Icons.CHECK);
        ok.setOnAction(e -> {
            PinVault.Result r = vault.check(pin.getText());
            pin.clear();
            switch (r) {
                case ACCEPTED -> flow.nav().show(new MaintenanceScreen(flow, vault));
                case WRONG -> message.setText(t.get("maintenance.pin.wrong"));
                case LOCKED -> message.setText(t.get("maintenance.pin.locked", vault.lockedForSeconds()));
                case NO_PIN_SET -> message.setText(t.get("maintenance.pin.none"));
            }
        });
        Button back = Ui.button("back", t.get("action.back"), Ui.SECONDARY, Icons.BACK);
        back.setOnAction(e -> flow.home());
        // The keypad beside the field, as on the form: under it, the page was taller than the window
        // below the English two-line header, and the header and OK were cut off.
        VBox entry = new VBox(20, pin, message);
        entry.setAlignment(Pos.CENTER);
        HBox.setHgrow(entry, Priority.ALWAYS);
        HBox centre = new HBox(40, entry, pad);
        centre.setAlignment(Pos.CENTER);
        VBox.setVgrow(centre, Priority.ALWAYS);
        return new VBox(16, title, centre, Ui.actions(back, Ui.spacer(), ok));
    }
}
