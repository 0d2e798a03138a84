package org.onetrip.kiosk.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.filing.ReceiptTokens;
import org.onetrip.kiosk.scanner.camera.CommandFrames;
import org.onetrip.kiosk.scanner.camera.FolderFrames;
import org.onetrip.kiosk.scanner.camera.FrameSource;
import org.onetrip.kiosk.scanner.camera.QrFrameDecoder;
import org.onetrip.kiosk.testing.Eventually;
import org.onetrip.kiosk.testing.LogCapture;
import org.onetrip.kiosk.testing.ReceiptPhotos;

/** The camera scanner on photos of receipts printed by the simulated printer. */
class CameraQrScannerTest {
    private static final String BASE = "http://127.0.0.1:8311/status/";

    @TempDir
    Path dir;
    private CameraQrScanner scanner;
    private final List<String> scans = new CopyOnWriteArrayList<>();
    private final ReceiptTokens tokens = new ReceiptTokens(new byte[32]);

    @AfterEach
    void stop() {
        if (scanner != null) {
            scanner.close();
        }
    }

    private void start(FrameSource source) {
        scanner = new CameraQrScanner(source, CameraQrScanner.Settings.defaults().withRetryDelay(Duration.ofMillis(300)));
        scanner.setScanListener(scans::add);
        scanner.start();
    }

    private Path frames() throws Exception {
        return Files.createDirectories(dir.resolve("frames"));
    }

    /** Puts a frame in the folder whole (written aside, then moved), as a camera would deliver it. */
    private static void put(Path folder, String name, byte[] jpeg) throws Exception {
        Path tmp = folder.resolveSibling(name + ".part");
        Files.write(tmp, jpeg);
        Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void aPhotoOfAPrintedReceiptDecodesToItsStatusUrl() {
        // A fixed URL: one frame of a random one fails now and then (see ReceiptPhotos.burst).
        String url = BASE + "bwHTcxUu-nJCSVy4rMjCmE6w";
        byte[] photo = ReceiptPhotos.photo(ReceiptPhotos.printedReceipt(url), 7, 1);
        BufferedImage frame = ReceiptPhotos.read(photo);

        assertThat(frame.getWidth()).isEqualTo(640);
        assertThat(frame.getHeight()).isEqualTo(480);
        assertThat(new QrFrameDecoder().decode(frame)).contains(url);
    }

    @Test
    void aFrameWithoutACodeDecodesToNothing() {
        byte[] photo = ReceiptPhotos.photoWithoutCode(ReceiptPhotos.printedReceipt(BASE + tokens.next()), 2);
        assertThat(new QrFrameDecoder().decode(ReceiptPhotos.read(photo))).isEmpty();
    }

    @Test
    void severalFramesOfTheSameReceiptCountOnce() throws Exception {
        String first = BASE + tokens.next();
        String second = BASE + tokens.next();
        BufferedImage receipt = ReceiptPhotos.printedReceipt(first);
        Path folder = frames();
        put(folder, "01.jpg", ReceiptPhotos.photo(receipt, 6, 1));
        put(folder, "02.jpg", ReceiptPhotos.photo(receipt, -4, 2));
        put(folder, "03.jpg", ReceiptPhotos.photoWithoutCode(receipt, 3)); // glare: the code lost for a frame
        put(folder, "04.jpg", ReceiptPhotos.photo(receipt, 9, 4));
        // The second slip held up for a moment: a burst, as a camera sees it (one frame alone may
        // not decode; see ReceiptPhotos.burst).
        List<byte[]> held = ReceiptPhotos.burst(ReceiptPhotos.printedReceipt(second), 4, 5);
        for (int i = 0; i < held.size(); i++) {
            put(folder, String.format("%02d.jpg", 5 + i), held.get(i));
        }

        start(new FolderFrames(folder, Duration.ofMillis(50)));

        Eventually.until("the second receipt", () -> scans.contains(second), () -> scans);
        assertThat(scans).containsExactly(first, second);
        assertThat(scanner.status().isOnline()).isTrue();
        assertThat(scanner.status().message()).contains("640×480");
    }

    @Test
    void framesFromACameraCommandsMotionJpegOutput() throws Exception {
        String url = BASE + tokens.next();
        BufferedImage receipt = ReceiptPhotos.printedReceipt(url);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes("camera warming up\n".getBytes());
        stream.writeBytes(ReceiptPhotos.photoWithoutCode(receipt, 1));
        Files.write(dir.resolve("camera-0.mjpeg"), stream.toByteArray());
        // Then a frame with the code every 100 ms, as a camera keeps sending: the scanner takes the
        // newest frame only, and one photo in some fifty fails to decode (10d1be4). Written in one
        // go, the frames came in one read and only the last was tried (a failure in 14 full runs).
        for (int i = 1; i <= 6; i++) {
            Files.write(dir.resolve("camera-" + i + ".mjpeg"), ReceiptPhotos.photo(receipt, 4 - 1.5 * i, i));
        }

        start(new CommandFrames("for f in '" + dir + "'/camera-*.mjpeg; do cat \"$f\"; sleep 0.1; done; sleep 60"));

        Eventually.until("the receipt", () -> !scans.isEmpty(), () -> scans + " " + scanner.status());
        assertThat(scans).containsExactly(url);
        assertThat(scanner.status().isOnline()).isTrue();
    }

    @Test
    void aCameraCommandTheShellCannotRunIsAConfigurationError() {
        start(new CommandFrames("no-such-camera-program --codec mjpeg -o -"));

        Eventually.until("offline", () -> scanner.status().detail() == StatusDetail.CONFIGURATION_ERROR, scanner::status);
        assertThat(scanner.status().message()).contains("exited with 127").contains("not found");
    }

    @Test
    void aCameraCommandThatStopsIsACommunicationErrorAndIsStartedAgain() throws Exception {
        Path runs = dir.resolve("runs");
        start(new CommandFrames("echo run >> '" + runs + "'; echo 'camera not detected' >&2; exit 3"));

        Eventually.until("offline", () -> scanner.status().detail() == StatusDetail.COMMUNICATION_ERROR, scanner::status);
        assertThat(scanner.status().message()).contains("exited with 3").contains("camera not detected");
        Eventually.until("started again", () -> Files.exists(runs) && lines(runs) >= 2, scanner::status);
    }

    private static long lines(Path p) {
        try {
            return Files.readAllLines(p).size();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    @Test
    void aFolderThatGoesAwayIsGone() throws Exception {
        Path folder = frames();
        start(new FolderFrames(folder, Duration.ofMillis(50)));
        Files.delete(folder);

        Eventually.until("gone", () -> scanner.status().detail() == StatusDetail.GONE, scanner::status);
    }

    @Test
    void aCodeThatIsNotPrintableTextIsDroppedAndNothingScannedIsLogged() throws Exception {
        String url = BASE + tokens.next();
        Path folder = frames();
        put(folder, "01.png", png(org.onetrip.kiosk.qr.QrCodes.matrix("bell\u0007ring", 4)));
        put(folder, "02.jpg", ReceiptPhotos.photo(ReceiptPhotos.printedReceipt(url), 3, 1));
        try (LogCapture log = new LogCapture()) {
            start(new FolderFrames(folder, Duration.ofMillis(50)));

            Eventually.until("the receipt", () -> !scans.isEmpty(), () -> scans);
            assertThat(scans).containsExactly(url);
            assertThat(log.lines()).anyMatch(l -> l.contains("dropped a QR code of 9 characters"));
            assertThat(log.lines()).noneMatch(l -> l.contains("bell") || l.contains(url.substring(BASE.length())));
        }
    }

    private static byte[] png(com.google.zxing.common.BitMatrix m) throws Exception {
        int scale = 6;
        BufferedImage img = new BufferedImage(m.getWidth() * scale, m.getHeight() * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, m.get(x / scale, y / scale) ? 0 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
