package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.ime.handwriting.ZinniaRecognizer;

/** Without Zinnia the keyboard simply has no 手写 key: the rest of the form works as before. */
class HandwritingOfflineTest extends KioskUiTestBase {

    @Override
    Kiosk adapt(Kiosk k) {
        k.handwriting().close();
        return k.withHandwriting(ZinniaRecognizer.open("zinnia-not-installed", ZinniaRecognizer.DEBIAN_MODEL));
    }

    @Test
    void noHandwritingKeyWithoutZinniaAndTheKeysStillType() {
        assertThat(kiosk.handwriting().status().message()).startsWith("libzinnia0 not installed");
        openSuggestionKeyboard();
        assertThat(lookup("#mode-handwriting").tryQuery()).isEmpty();
        tap("#mode-latin"); // 拼音 is the Chinese keyboard's first mode; ABC types letters as they are
        tap("#key-a");
        await("a typed", () -> ((javafx.scene.control.TextInputControl) lookup("#field-content").query()).getText().equals("a"));
    }
}
