package org.onetrip.kiosk.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.onetrip.kiosk.filing.ReceiptTokens;
import org.onetrip.kiosk.scanner.camera.QrFrameDecoder;
import org.onetrip.kiosk.testing.ReceiptPhotos;

/**
 * ZXing decode time per 640×480 camera frame, as CameraQrScanner decodes them (QR only, hybrid
 * binarizer, no TRY_HARDER), beside the camera's frame interval at the scanner's 15 frames a second.
 * Frames: photos of receipts printed by the simulated printer (turned, unevenly lit, blurred, noisy,
 * JPEG) and frames of receipt text without a code, which is what a lobby camera mostly sees. JPEG
 * decoding (ImageIO) is measured apart: it is paid for every frame too.
 */
public final class QrDecodeBench {
    private QrDecodeBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        ReceiptTokens tokens = new ReceiptTokens(new byte[32]);
        List<byte[]> withCode = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        List<byte[]> withoutCode = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String url = "https://kiosk.example.gov.cn/status/" + tokens.next();
            BufferedImage receipt = ReceiptPhotos.printedReceipt(url);
            withCode.add(ReceiptPhotos.photo(receipt, -10 + 20.0 * i / 7, i));
            urls.add(url);
            withoutCode.add(ReceiptPhotos.photoWithoutCode(receipt, 100 + i));
        }
        QrFrameDecoder decoder = new QrFrameDecoder();
        int warm = Math.max(20, n / 5);
        long[] jpeg = new long[n];
        long[] found = new long[n];
        long[] empty = new long[n];
        int decoded = 0;
        int falsePositives = 0;
        for (int i = -warm; i < n; i++) {
            int k = Math.floorMod(i, withCode.size());
            long t0 = System.nanoTime();
            BufferedImage a = ImageIO.read(new ByteArrayInputStream(withCode.get(k)));
            long t1 = System.nanoTime();
            var code = decoder.decode(a);
            long t2 = System.nanoTime();
            BufferedImage b = ImageIO.read(new ByteArrayInputStream(withoutCode.get(k)));
            long t3 = System.nanoTime();
            var none = decoder.decode(b);
            long t4 = System.nanoTime();
            if (i >= 0) {
                jpeg[i] = t1 - t0;
                found[i] = t2 - t1;
                empty[i] = t4 - t3;
                decoded += code.filter(urls.get(k)::equals).isPresent() ? 1 : 0;
                falsePositives += none.isPresent() ? 1 : 0;
            }
        }
        double interval = 1000.0 / 15;
        double perFrame = Stats.median(jpeg) + Stats.median(empty);
        System.out.printf(Locale.ROOT, "JPEG decode, 640×480 (ImageIO)          p50 %6.2f ms   p90 %6.2f ms%n",
                Stats.median(jpeg), Stats.percentile(jpeg, 90));
        System.out.printf(Locale.ROOT, "ZXing, frame with a receipt's QR (n=%d) p50 %6.2f ms   p90 %6.2f ms   decoded %d/%d%n",
                n, Stats.median(found), Stats.percentile(found, 90), decoded, n);
        System.out.printf(Locale.ROOT, "ZXing, frame without a code             p50 %6.2f ms   p90 %6.2f ms   false reads %d%n",
                Stats.median(empty), Stats.percentile(empty, 90), falsePositives);
        System.out.printf(Locale.ROOT, "frame interval at 15 fps                %6.1f ms%n", interval);
        System.out.printf(Locale.ROOT, "share of one core, JPEG + ZXing on codeless frames at 15 fps  %5.2f%n",
                perFrame / interval);
    }
}
