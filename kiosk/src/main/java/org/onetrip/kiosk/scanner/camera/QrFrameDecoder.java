package org.onetrip.kiosk.scanner.camera;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a QR code in one camera frame with ZXing. QR only (the receipt's code; a lobby camera also
 * sees product barcodes, which are not ours). The hybrid binarizer copes with the uneven light of
 * a hand-held slip; TRY_HARDER is left off because a camera offers the next frame anyway.
 * Not thread-safe: one per decoding thread.
 */
public final class QrFrameDecoder {
    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
            DecodeHintType.CHARACTER_SET, "UTF-8");

    private final QRCodeReader reader = new QRCodeReader();

    /** The text of the QR code in {@code frame}, or empty when there is none that decodes. */
    public Optional<String> decode(BufferedImage frame) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(frame)));
        try {
            return Optional.of(reader.decode(bitmap, HINTS).getText());
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return Optional.empty();
        } finally {
            reader.reset();
        }
    }
}
