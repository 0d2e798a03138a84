package org.onetrip.kiosk.ui.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.ui.Texts;

/**
 * The command the technician must type starts a line of its own, so it is never broken: in the
 * elders' mode's larger text the PIN screen wrapped it as "请在终端运行 ." / "/scripts/kiosk set-pin",
 * and "/scripts/kiosk" is another path (screens review 2, finding 7).
 */
class PinTextsTest {
    @Test
    void theSetPinCommandStartsALineOfItsOwn() {
        for (Locale l : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            String text = new Texts(l).get("maintenance.pin.none");
            assertThat(text).as(l.toString()).contains("\n./scripts/kiosk set-pin");
            String after = text.substring(text.indexOf("\n./scripts/kiosk set-pin") + 1);
            assertThat(after.lines().findFirst().orElse("")).as("the command's line").startsWith("./scripts/kiosk set-pin")
                    .hasSizeLessThanOrEqualTo(40);
        }
    }
}
