package org.onetrip.kiosk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onetrip.kiosk.scanner.camera.QrFrameDecoder;

/** The test helper that photographs printed receipts finds the code on every receipt. */
class ReceiptPhotosTest {
    /**
     * Status URLs whose crisp printed code ZXing's finder search misses, even with TRY_HARDER (found
     * in 3,000 random tokens; CameraQrScannerTest failed once on CI on such a token).
     */
    @ParameterizedTest
    @ValueSource(strings = {"sPw7duiz956nrtH0YpXqaNVf", "OtCcUlh1xP-05t1sm_A-SyDn", "zA7ayk6F-dkmhUzV5ouenU10",
            "J_vRg6XoFQ_X1Uflz5YqGosn", "uyW8MeQAeyAbdSyZqbwXrFeT", "V9CnbWOAE90lVBSd20XlmvHR",
            "bwHTcxUu-nJCSVy4rMjCmE6w"})
    void theCodeIsFoundOnEveryReceipt(String token) {
        BufferedImage receipt = ReceiptPhotos.printedReceipt("http://127.0.0.1:8311/status/" + token);

        int[] box = ReceiptPhotos.qrBox(receipt);

        assertThat(box[2] - box[0]).as("width").isBetween(120, 260);
        assertThat(box[3] - box[1]).as("height").isEqualTo(box[2] - box[0]);
        // Below the documents to bring, above the hint to scan it: in the receipt's lower half.
        assertThat(box[1]).isGreaterThan(receipt.getHeight() / 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sPw7duiz956nrtH0YpXqaNVf", "OtCcUlh1xP-05t1sm_A-SyDn", "zA7ayk6F-dkmhUzV5ouenU10"})
    void aCameraBurstOfSuchAReceiptDecodes(String token) {
        String url = "http://127.0.0.1:8311/status/" + token;
        BufferedImage receipt = ReceiptPhotos.printedReceipt(url);
        QrFrameDecoder decoder = new QrFrameDecoder();

        long decoded = ReceiptPhotos.burst(receipt, 6, 11).stream()
                .filter(f -> decoder.decode(ReceiptPhotos.read(f)).filter(url::equals).isPresent()).count();

        assertThat(decoded).isPositive();
    }
}
