package org.onetrip.kiosk.scanner;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.onetrip.kiosk.config.ConfigException;
import org.onetrip.kiosk.config.DeviceUri;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.DeviceThread;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.device.serial.SerialLink;
import org.onetrip.kiosk.device.serial.SerialLinkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code scanner.device=serial:PATH?baud=9600&suffix=CR&prefix=…} scanner: a QR scanner in
 * serial (or USB virtual COM port) mode, read through {@link SerialLink}. Lines are cut and checked
 * by {@link ScanLineDecoder}; each good payload goes to the listener on this scanner's thread.
 *
 * <p>A serial scanner only talks when it reads a code, so the kiosk cannot tell a quiet scanner
 * from a dead one: ONLINE means the port is open. An unplugged USB scanner shows as a failed read
 * (GONE); the thread then reopens the port every {@link Settings#retryDelay()} until it is back.
 * A port this user may not open is a CONFIGURATION_ERROR (the dialout group).
 *
 * <p>Scanned text is never logged: it may be a receipt token. Logs give lengths and reasons.
 */
public final class SerialQrScanner extends ScannerBase {
    private static final Logger log = LoggerFactory.getLogger(SerialQrScanner.class);

    /** The rates serial scanners offer; 9600 is the usual factory setting. */
    public static final Set<Integer> BAUD_RATES = Set.of(1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200);

    /**
     * @param baud           the scanner's rate (default 9600)
     * @param prefix         bytes the scanner puts before each code (default none)
     * @param suffix         the scanner's line end (default CR, the factory setting of most)
     * @param partialTimeout silence that ends an unfinished line (a scanner sends a code in one burst)
     * @param retryDelay     pause between attempts to reopen a lost port
     */
    public record Settings(int baud, byte[] prefix, ScanLineDecoder.Suffix suffix, Duration partialTimeout,
            Duration retryDelay) {

        public static final Set<String> PARAMETERS = Set.of("baud", "suffix", "prefix");

        public Settings {
            prefix = prefix == null ? new byte[0] : prefix.clone();
            Objects.requireNonNull(suffix, "suffix");
        }

        public static Settings defaults() {
            return new Settings(9600, new byte[0], ScanLineDecoder.Suffix.CR, Duration.ofMillis(500), Duration.ofSeconds(2));
        }

        /**
         * From {@code serial:PATH?baud=N&suffix=CR|LF|CRLF&prefix=TEXT}; the prefix may hold
         * percent escapes ({@code prefix=%02} for STX). A bad or unknown parameter is a
         * {@link ConfigException} naming {@code key}.
         */
        public static Settings fromUri(String key, DeviceUri uri) {
            if (uri.scheme() != DeviceUri.Scheme.SERIAL) {
                throw new ConfigException(key, uri.text(), "serial:PATH?baud=N&suffix=CR|LF|CRLF for a serial scanner");
            }
            for (String p : uri.params().keySet()) {
                if (!PARAMETERS.contains(p)) {
                    throw new ConfigException(key, uri.text(), "parameters baud, suffix and prefix only (not '" + p + "')");
                }
            }
            int baud = uri.intParam(key, "baud", 9600);
            if (!BAUD_RATES.contains(baud)) {
                throw new ConfigException(key, uri.text(), "baud one of " + new java.util.TreeSet<>(BAUD_RATES));
            }
            ScanLineDecoder.Suffix suffix = ScanLineDecoder.Suffix.parse(uri.params().getOrDefault("suffix", "CR"));
            if (suffix == null) {
                throw new ConfigException(key, uri.text(), "suffix=CR, suffix=LF or suffix=CRLF (the scanner's line end)");
            }
            byte[] prefix = percentDecode(uri.params().getOrDefault("prefix", ""));
            if (prefix == null || prefix.length > 16) {
                throw new ConfigException(key, uri.text(), "prefix of at most 16 bytes, with %XX for a byte such as %02");
            }
            return defaults().withBaud(baud).withSuffix(suffix).withPrefix(prefix);
        }

        public Settings withBaud(int b) {
            return new Settings(b, prefix, suffix, partialTimeout, retryDelay);
        }

        public Settings withSuffix(ScanLineDecoder.Suffix s) {
            return new Settings(baud, prefix, s, partialTimeout, retryDelay);
        }

        public Settings withPrefix(byte[] p) {
            return new Settings(baud, p, suffix, partialTimeout, retryDelay);
        }

        public Settings withRetryDelay(Duration d) {
            return new Settings(baud, prefix, suffix, partialTimeout, d);
        }

        /** Text with {@code %XX} escapes to bytes (UTF-8 for the rest); null when an escape is broken. */
        static byte[] percentDecode(String s) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '%') {
                    if (i + 2 >= s.length()) {
                        return null;
                    }
                    int hi = Character.digit(s.charAt(i + 1), 16);
                    int lo = Character.digit(s.charAt(i + 2), 16);
                    if (hi < 0 || lo < 0) {
                        return null;
                    }
                    out.write(hi * 16 + lo);
                    i += 2;
                } else {
                    out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                }
            }
            return out.toByteArray();
        }
    }

    private final String path;
    private final Settings settings;
    private final ScanLineDecoder decoder;
    private volatile SerialLink link;
    private final DeviceThread worker = new DeviceThread("scanner-serial", this::run);

    public SerialQrScanner(String path, Settings settings) {
        this.path = Objects.requireNonNull(path, "path");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.decoder = new ScanLineDecoder(settings.prefix(), settings.suffix(), ScanPayloads.MAX_LENGTH,
                settings.partialTimeout());
    }


    @Override
    public String name() {
        return "QR scanner (serial on " + path + ")";
    }




    /** How long {@code bytes} take on this scanner's wire (10 bits a byte, 8N1). */
    public Duration wireTime(int bytes) {
        return Duration.ofNanos(bytes * 10L * 1_000_000_000L / settings.baud());
    }

    @Override
    public synchronized void start() {
        if (worker.started()) {
            return;
        }
        status.update(DeviceStatus.unknown("opening " + path));
        worker.start();
    }

    @Override
    public void close() {
        worker.stop(() -> {
            SerialLink l = link;
            if (l != null) {
                l.close(); // ends a blocked read within one slice
            }
        });
    }

    private void run() {
        byte[] buf = new byte[256];
        try {
            while (worker.running()) {
                SerialLink l = link;
                if (l == null) {
                    if (!open()) {
                        Thread.sleep(settings.retryDelay().toMillis());
                    }
                    continue;
                }
                try {
                    int n = l.read(buf, 0, buf.length, SerialLink.READ_SLICE_MS);
                    long now = System.nanoTime();
                    handle(n > 0 ? decoder.feed(buf, 0, n, now) : decoder.idle(now));
                } catch (SerialLinkException e) {
                    lost(e);
                } catch (RuntimeException e) {
                    // A bug must not end the thread: the kiosk would never scan again.
                    log.error("scanner on {} failed; reopening", path, e);
                    lost(new SerialLinkException(SerialLinkException.Problem.IO_ERROR, path, "internal error: " + e, e));
                }
            }
        } catch (InterruptedException e) {
            // close() was called
        } finally {
            SerialLink l = link;
            link = null;
            if (l != null) {
                l.close();
            }
        }
    }

    private boolean open() {
        try {
            link = SerialLink.open(path, settings.baud());
            status.update(DeviceStatus.online("listening on " + path + " at " + settings.baud() + " baud, suffix "
                    + settings.suffix()));
            return true;
        } catch (SerialLinkException e) {
            offline(e);
            return false;
        }
    }

    private void lost(SerialLinkException e) {
        SerialLink l = link;
        link = null;
        if (l != null) {
            l.close();
        }
        int pending = decoder.discard(); // what was half read is not glued to the next code
        if (pending > 0) {
            log.warn("dropped a partial scan of {} bytes: the scanner on {} went away", pending, path);
        }
        if (worker.running()) {
            offline(e);
        }
    }

    private void offline(SerialLinkException e) {
        if (!worker.running()) {
            return;
        }
        String retry = "; retrying every " + settings.retryDelay().toMillis() / 1000.0 + " s";
        switch (e.problem()) {
            case NOT_FOUND -> status.update(DeviceStatus.offline(StatusDetail.GONE, path + " is not there (scanner unplugged?)" + retry));
            case ACCESS_DENIED -> status.update(DeviceStatus.offline(StatusDetail.CONFIGURATION_ERROR, e.getMessage() + retry));
            default -> status.update(DeviceStatus.offline(StatusDetail.COMMUNICATION_ERROR, e.getMessage() + retry));
        }
    }

    private void handle(List<ScanLineDecoder.Line> lines) {
        for (ScanLineDecoder.Line line : lines) {
            if (line instanceof ScanLineDecoder.Line.Payload p) {
                log.info("scanned a code of {} characters", p.text().length());
                try {
                    handOn(p.text());
                } catch (RuntimeException e) {
                    log.warn("scan listener failed", e);
                }
            } else if (line instanceof ScanLineDecoder.Line.Dropped d) {
                log.warn("dropped a scan of {} bytes from {}: {}", d.bytes(), path, switch (d.reason()) {
                    case TOO_LONG -> "longer than " + ScanPayloads.MAX_LENGTH + " bytes";
                    case NOT_TEXT -> "not printable UTF-8 text (garbage, or a wrong baud rate)";
                    case NO_PREFIX -> "it does not start with the configured prefix";
                    case PARTIAL -> "no " + settings.suffix() + " within " + settings.partialTimeout().toMillis()
                            + " ms (cut off, or suffix= differs from the scanner's setting)";
                });
            }
        }
    }
}
