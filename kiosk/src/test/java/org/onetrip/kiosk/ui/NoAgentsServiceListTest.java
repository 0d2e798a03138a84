package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A kiosk whose profile names no proxy agents (pi.properties ships {@code proxy.agents-file=}
 * empty): a proxy service says on its card that it cannot be done here, and a tap opens nothing,
 * instead of refusing the agent's card only at the identify screen.
 */
class NoAgentsServiceListTest extends KioskUiTestBase {
    @Override
    List<String> overrides() {
        return List.of("proxy.agents-file=");
    }

    @Test
    void aProxyServiceSaysItCannotBeDoneHereAndDoesNotOpen() {
        awaitScreen("home");
        tap("#tile-economy");
        awaitScreen("services");
        assertThat(text("#service-unavailable-house-rebuild")).isEqualTo(ui.flow().texts().get("services.no-agents"));
        // Fired rather than tapped: the card may be below the fold.
        interact(() -> ((javafx.scene.control.Button) lookup("#service-house-rebuild").query()).fire());
        assertOnScreen("services");
        assertThat(ui.flow().session().service()).isNull();
        // A service that needs only the resident's card opens as before.
        assertThat(lookup("#service-unavailable-business-registration").tryQuery()).isEmpty();
    }
}
