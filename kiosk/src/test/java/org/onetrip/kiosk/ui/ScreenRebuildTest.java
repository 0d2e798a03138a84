package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.ui.maintenance.MaintenanceScreen;

/**
 * A screen shown or rebuilt is whole in the scene graph at once, scroll panes' content included.
 * The maintenance screen rebuilds itself when a device's status changes; before the Navigator
 * applied CSS on the spot, its device table sat inside a scroll pane that had no skin (so no
 * children) until the next frame, and a look-up in between found no {@code #maint-idcard}: the
 * flake of MaintenanceAndPresenceTest on a loaded machine. Each check here runs in ONE JavaFX
 * runnable, so no frame can come between the change and the look-up.
 */
class ScreenRebuildTest extends KioskUiTestBase {

    private static Node find(String id) {
        return ((Parent) javafx.stage.Window.getWindows().get(0).getScene().getRoot()).lookup(id);
    }

    @Test
    void aScreenInAScrollPaneCanBeFoundAsSoonAsItIsShownAndRebuilt() {
        awaitScreen("home");
        Screen scrolling = new Screen() {
            @Override
            public String id() {
                return "scrolling";
            }

            @Override
            public Parent build() {
                Label inner = new Label("inside");
                inner.setId("inner");
                return new VBox(new ScrollPane(new VBox(inner)));
            }
        };
        boolean[] found = new boolean[2];
        interact(() -> {
            ui.flow().nav().show(scrolling);
            found[0] = find("#inner") != null;
            ui.flow().nav().rebuild();
            found[1] = find("#inner") != null;
        });
        assertThat(found).containsExactly(true, true);
    }

    @Test
    void theMaintenanceScreenRebuiltByAStatusChangeStillShowsEveryDevice() {
        awaitScreen("home");
        interact(() -> ui.flow().nav().show(new MaintenanceScreen(ui.flow(), Wiring.pinVault(kiosk.config(), clock))));
        awaitScreen("maintenance");
        String[] shown = new String[1];
        interact(() -> {
            ui.flow().bridge().refresh("idcard", DeviceStatus.offline(StatusDetail.GONE, "unplugged"));
            Node n = find("#maint-idcard");
            shown[0] = n == null ? null : ((Label) n).getText();
        });
        assertThat(shown[0]).contains("OFFLINE");
    }
}
