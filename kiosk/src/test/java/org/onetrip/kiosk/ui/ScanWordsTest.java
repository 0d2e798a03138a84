package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * The scanner has one name for a resident, and scanning one instruction (screens review 2, finding
 * 12): home said 把回执上的二维码对准扫描口, the status screen 请将回执上的二维码对准扫描口, and the
 * device was 扫描口 here, 扫描器 there (扫码器 stays the technician's word, on the maintenance screen).
 */
class ScanWordsTest {
    @Test
    void residentsMeetOneNameForTheScannerAndOneWayToSayScanIt() {
        Texts zh = new Texts(Locale.SIMPLIFIED_CHINESE);
        assertThat(zh.get("status.prompt")).isEqualTo(zh.get("home.check.hint"));
        ResourceBundle b = ResourceBundle.getBundle("i18n.messages", Locale.SIMPLIFIED_CHINESE);
        List<String> other = new ArrayList<>();
        for (String key : b.keySet()) {
            String v = b.getString(key);
            if (!key.startsWith("maintenance.") && (v.contains("扫描器") || v.contains("扫码器"))) {
                other.add(key + "=" + v);
            }
        }
        assertThat(other).as("a resident's texts naming the scanner otherwise than 扫描口").isEmpty();
    }

    /**
     * One action, one name: the done screen's reprint said "Print my receipt" (under a tick, now the
     * printer), the recovered receipt's "Print the receipt" (third screens review, 6).
     */
    @Test
    void printingTheReceiptHasOneName() {
        for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            Texts t = new Texts(l);
            assertThat(t.get("recovered.print")).as(l.toString()).isEqualTo(t.get("done.reprint"));
        }
    }
}
