package org.onetrip.kiosk.idcard;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.onetrip.kiosk.config.ConfigException;
import org.onetrip.kiosk.config.DeviceUri;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.DeviceThread;
import org.onetrip.kiosk.device.DeviceStatusHolder;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.device.serial.SerialLinkException;
import org.onetrip.kiosk.idcard.sam.Parsed;
import org.onetrip.kiosk.idcard.sam.ReadPayload;
import org.onetrip.kiosk.idcard.sam.SamCommand;
import org.onetrip.kiosk.idcard.sam.SamFrame;
import org.onetrip.kiosk.idcard.sam.SamFrameDecoder;
import org.onetrip.kiosk.idcard.sam.SamFrames;
import org.onetrip.kiosk.idcard.sam.SamResponse;
import org.onetrip.kiosk.idcard.sam.Sw3;
import org.onetrip.kiosk.idcard.sam.TextBlockParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code idcard.device=serial:PATH?baud=N} reader: a second-generation ID card reader that
 * speaks the SAM protocol over a {@link SamTransport}.
 *
 * <p>Its own daemon thread opens the link, checks the SAM (status {@code 11 FF}, one reset if it
 * is not {@code 90}), then polls: find card; when one is found, select and read ({@code 30 01}).
 * A card is reported once per placement ({@link CardEvent.Presented}); its removal after
 * {@link Settings#removalMisses()} finds in a row that report no card ({@link CardEvent.Removed}).
 * A failed read is retried on the next polls; after {@link Settings#readAttempts()} failures the
 * resident is told to try again ({@link CardEvent.ReadFailed}, transient), and a later good read
 * still presents the card. A card type the SAM or the parser does not know is a permanent failure.
 *
 * <p>Every exchange has a timeout (the configured one plus twice the answer's wire time). A reader
 * that stays silent or answers garbage for {@link Settings#failuresBeforeOffline()} exchanges, or
 * whose device node disappears, makes the status OFFLINE (COMMUNICATION_ERROR or GONE, with a
 * message for the technician); the thread then reopens the port every
 * {@link Settings#retryDelay()} until the reader answers again. A resident never waits on a dead
 * reader: going offline reports any card as removed.
 *
 * <p>Two consecutive misses, not one, mean "removed" because some readers answer {@code 80} to the
 * first find after a read while the card is still there (the card halts). Readers that keep
 * answering {@code 80} until the card is lifted would report the removal early; that behaviour is
 * unverified and needs a bench test with the real reader.
 *
 * <p>Logs hold identities only through {@link Identity#toString()}, which masks name and number.
 * The photo is never kept: {@link ReadPayload} drops it.
 */
public final class SamIdCardReader implements IdCardReader {
    private static final Logger log = LoggerFactory.getLogger(SamIdCardReader.class);

    /** {@link Settings#baud()} value for {@code baud=auto}: probe the SAM's rates, fastest first. */
    public static final int AUTO_BAUD = 0;

    /**
     * How the reader behaves; {@link #defaults()} suits a real reader.
     *
     * @param baud                  a rate of {@link SamCommand#BAUD_RATES}, or {@link #AUTO_BAUD}
     * @param pollInterval          pause between find-card polls
     * @param exchangeTimeout       the wait for an answer, on top of its wire time
     * @param retryDelay            pause between attempts to reopen a lost reader
     * @param removalMisses         finds in a row without the card that mean it was removed
     * @param readAttempts          failed reads of one placement before the resident is told
     * @param failuresBeforeOffline exchanges in a row without a usable answer before OFFLINE
     */
    public record Settings(int baud, Duration pollInterval, Duration exchangeTimeout, Duration retryDelay,
            int removalMisses, int readAttempts, int failuresBeforeOffline) {

        public Settings {
            if (baud != AUTO_BAUD && !SamCommand.BAUD_RATES.contains(baud)) {
                throw new IllegalArgumentException("baud " + baud + " is not one of " + SamCommand.BAUD_RATES);
            }
            Objects.requireNonNull(pollInterval, "pollInterval");
            Objects.requireNonNull(exchangeTimeout, "exchangeTimeout");
            Objects.requireNonNull(retryDelay, "retryDelay");
            if (removalMisses < 1 || readAttempts < 1 || failuresBeforeOffline < 1) {
                throw new IllegalArgumentException("counts are at least 1");
            }
        }

        public static Settings defaults() {
            return new Settings(115200, Duration.ofMillis(300), Duration.ofMillis(1000), Duration.ofSeconds(2), 2, 2,
                    2);
        }

        /**
         * From {@code serial:PATH?baud=N|auto&poll=MS}; baud defaults to 115200, poll to 300 ms.
         * A bad value is a {@link ConfigException} naming {@code key}.
         */
        public static Settings fromUri(String key, DeviceUri uri) {
            if (uri.scheme() != DeviceUri.Scheme.SERIAL) {
                throw new ConfigException(key, uri.text(), "serial:PATH?baud=N for a SAM reader");
            }
            String b = uri.params().getOrDefault("baud", "115200").trim();
            int baud;
            if (b.equalsIgnoreCase("auto")) {
                baud = AUTO_BAUD;
            } else {
                try {
                    baud = Integer.parseInt(b);
                } catch (NumberFormatException e) {
                    baud = -1;
                }
                if (!SamCommand.BAUD_RATES.contains(baud)) {
                    throw new ConfigException(key, uri.text(), "baud=auto or one of " + SamCommand.BAUD_RATES);
                }
            }
            int poll = uri.intParam(key, "poll", 300);
            if (poll < 50 || poll > 10_000) {
                throw new ConfigException(key, uri.text(), "poll in milliseconds, 50..10000");
            }
            return defaults().withBaud(baud).withPollInterval(Duration.ofMillis(poll));
        }

        public Settings withBaud(int b) {
            return new Settings(b, pollInterval, exchangeTimeout, retryDelay, removalMisses, readAttempts,
                    failuresBeforeOffline);
        }

        public Settings withPollInterval(Duration d) {
            return new Settings(baud, d, exchangeTimeout, retryDelay, removalMisses, readAttempts, failuresBeforeOffline);
        }

        public Settings withExchangeTimeout(Duration d) {
            return new Settings(baud, pollInterval, d, retryDelay, removalMisses, readAttempts, failuresBeforeOffline);
        }

        public Settings withRetryDelay(Duration d) {
            return new Settings(baud, pollInterval, exchangeTimeout, d, removalMisses, readAttempts,
                    failuresBeforeOffline);
        }

        public Settings withRemovalMisses(int n) {
            return new Settings(baud, pollInterval, exchangeTimeout, retryDelay, n, readAttempts, failuresBeforeOffline);
        }

        public Settings withReadAttempts(int n) {
            return new Settings(baud, pollInterval, exchangeTimeout, retryDelay, removalMisses, n, failuresBeforeOffline);
        }

        public Settings withFailuresBeforeOffline(int n) {
            return new Settings(baud, pollInterval, exchangeTimeout, retryDelay, removalMisses, readAttempts, n);
        }
    }

    /** Where the card on the antenna stands, as far as the application was told. */
    private enum Card {
        /** No card, or a card not yet reported. */
        NONE,
        /** Found but not yet read, nothing reported yet. */
        SEEN,
        /** Reported with {@link CardEvent.Presented}. */
        PRESENTED,
        /** Reported with {@link CardEvent.ReadFailed}. */
        FAILED
    }

    private final SamTransport transport;
    private final Settings settings;
    private final DeviceStatusHolder status;
    private final SamFrameDecoder decoder = new SamFrameDecoder();
    private final byte[] buf = new byte[4096];
    private volatile Consumer<CardEvent> listener = e -> { };
    private final DeviceThread worker = new DeviceThread("idcard-sam", this::run);

    // Reader-thread state.
    private boolean connected;
    private int baudInUse;
    private Card card = Card.NONE;
    private boolean permanentFailure;
    private int misses;
    private int attempts;
    private int failures;

    public SamIdCardReader(SamTransport transport, Settings settings) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.status = new DeviceStatusHolder("idcard", DeviceStatus.unknown("not started"));
    }

    @Override
    public String id() {
        return "idcard";
    }

    @Override
    public String name() {
        return "ID card reader (SAM on " + transport.describe() + ")";
    }

    @Override
    public DeviceStatus status() {
        return status.get();
    }

    @Override
    public void addStatusListener(Consumer<DeviceStatus> l) {
        status.addListener(l);
    }

    @Override
    public void setCardListener(Consumer<CardEvent> l) {
        this.listener = l == null ? e -> { } : l;
    }

    /** Starts the reader's thread; returns at once. A missing or broken reader becomes a status. */
    @Override
    public synchronized void start() {
        if (worker.started()) {
            return;
        }
        status.update(DeviceStatus.unknown("opening " + transport.describe()));
        worker.start();
    }

    /** Stops the thread (within about a read slice) and closes the port. */
    @Override
    public void close() {
        worker.stop();
        transport.close();
    }

    private void run() {
        try {
            while (worker.running()) {
                try {
                    if (!connected) {
                        connect();
                        if (!connected) {
                            pause(settings.retryDelay());
                            continue;
                        }
                    }
                    pollOnce();
                    pause(settings.pollInterval());
                } catch (RuntimeException e) {
                    // A bug must not end the thread: the kiosk would wait for cards forever.
                    log.error("ID card reader on {} failed; reopening", transport.describe(), e);
                    goOffline(StatusDetail.COMMUNICATION_ERROR, "internal error: " + e);
                    pause(settings.retryDelay());
                }
            }
        } catch (InterruptedException e) {
            // close() was called
        } finally {
            transport.close();
        }
    }

    private void pause(Duration d) throws InterruptedException {
        if (!worker.running()) {
            throw new InterruptedException();
        }
        Thread.sleep(d.toMillis());
    }

    // --- connecting ---

    private void connect() {
        List<Integer> rates = new ArrayList<>();
        if (settings.baud() != AUTO_BAUD) {
            rates.add(settings.baud());
        } else {
            if (baudInUse != 0) {
                rates.add(baudInUse); // the rate that worked last time first
            }
            for (int r : SamCommand.BAUD_RATES) {
                if (r != baudInUse) {
                    rates.add(r);
                }
            }
        }
        boolean garbled = false;
        for (int rate : rates) {
            if (!worker.running()) {
                return;
            }
            try {
                transport.open(rate);
            } catch (IOException e) {
                linkFailed(e);
                return;
            }
            baudInUse = rate;
            try {
                SamResponse r = exchange(SamCommand.SAM_STATUS);
                if (!r.is(Sw3.SUCCESS)) {
                    // What vendor SDKs do when the SAM is not ready: reset it and ask again.
                    log.info("SAM on {} reports {}; resetting it", transport.describe(), r.describe());
                    exchange(SamCommand.RESET_SAM);
                    r = exchange(SamCommand.SAM_STATUS);
                }
                if (!r.is(Sw3.SUCCESS)) {
                    goOffline(StatusDetail.HARDWARE_ERROR, "the SAM in the reader on " + transport.describe()
                            + " reports " + r.describe());
                    return;
                }
                connected = true;
                failures = 0;
                logSamId();
                status.update(DeviceStatus.online("SAM ready on " + transport.describe() + " at " + rate + " baud"));
                return;
            } catch (ExchangeFailure f) {
                garbled |= f.garbled;
                log.debug("no SAM at {} baud on {}: {}", rate, transport.describe(), f.getMessage());
                transport.close();
            } catch (IOException e) {
                linkFailed(e);
                return;
            }
        }
        String at = rates.size() == 1 ? "at " + rates.get(0) + " baud" : "at any of " + rates + " baud";
        goOffline(StatusDetail.COMMUNICATION_ERROR, (garbled ? "the reader on " + transport.describe()
                + " answers with garbage " : "no answer from the reader on " + transport.describe() + " ") + at);
    }

    private void logSamId() {
        try {
            SamResponse id = exchange(SamCommand.READ_SAM_ID);
            if (id.is(Sw3.SUCCESS)) {
                log.info("SAM id on {}: {}", transport.describe(), SamFrames.hex(id.data()));
            }
        } catch (ExchangeFailure | IOException e) {
            log.debug("SAM id not read: {}", e.getMessage());
        }
    }

    // --- polling ---

    private void pollOnce() {
        try {
            SamResponse find = exchange(SamCommand.FIND_CARD);
            failures = 0;
            if (find.is(Sw3.CARD_FOUND)) {
                misses = 0;
                if (card == Card.NONE || card == Card.SEEN || (card == Card.FAILED && !permanentFailure)) {
                    tryRead();
                }
            } else {
                if (!find.is(Sw3.NO_CARD)) {
                    log.debug("find card answered {}", find.describe());
                }
                noCardFound();
            }
        } catch (ExchangeFailure f) {
            exchangeFailed(f);
        } catch (IOException e) {
            linkFailed(e);
        }
    }

    private void noCardFound() {
        if (card == Card.NONE) {
            return;
        }
        if (++misses < settings.removalMisses()) {
            return;
        }
        Card was = card;
        forgetCard();
        if (was == Card.PRESENTED || was == Card.FAILED) {
            log.info("card removed");
            emit(new CardEvent.Removed());
        }
    }

    private void tryRead() throws IOException, ExchangeFailure {
        if (card == Card.NONE) {
            card = Card.SEEN;
            attempts = 0;
        }
        attempts++;
        SamResponse select = exchange(SamCommand.SELECT_CARD);
        if (!select.is(Sw3.SUCCESS)) {
            readFailed(true, "the card could not be selected: " + select.describe());
            return;
        }
        SamResponse read = exchange(SamCommand.READ_TEXT_PHOTO);
        if (!read.is(Sw3.SUCCESS)) {
            readFailed(!read.is(Sw3.UNKNOWN_CARD_TYPE), "the card could not be read: " + read.describe());
            return;
        }
        Parsed<ReadPayload> payload = ReadPayload.parse(read.data(), false);
        if (!payload.isOk()) {
            readFailed(true, "the card's data failed checks: " + payload.reason());
            return;
        }
        byte[] text = payload.value().text();
        Parsed<Identity> identity = TextBlockParser.parse(text);
        if (!identity.isOk()) {
            boolean knownType = TextBlockParser.cardType(text).isOk();
            readFailed(knownType, "the card's data failed checks: " + identity.reason());
            return;
        }
        card = Card.PRESENTED;
        attempts = 0;
        misses = 0;
        log.info("card read: {}", identity.value());
        emit(new CardEvent.Presented(identity.value()));
    }

    private void readFailed(boolean transientFailure, String reason) {
        if (card == Card.FAILED) {
            // The resident was already told; keep trying quietly while the card lies there.
            log.debug("card read attempt {} failed: {}", attempts, reason);
            return;
        }
        log.info("card read attempt {} failed: {}", attempts, reason);
        if (!transientFailure || attempts >= settings.readAttempts()) {
            card = Card.FAILED;
            permanentFailure = !transientFailure;
            emit(new CardEvent.ReadFailed(transientFailure, reason));
        }
    }

    private void forgetCard() {
        card = Card.NONE;
        permanentFailure = false;
        misses = 0;
        attempts = 0;
    }

    // --- failures ---

    private void exchangeFailed(ExchangeFailure f) {
        if (!worker.running()) {
            return;
        }
        failures++;
        log.debug("exchange {} of {} failed: {}", failures, settings.failuresBeforeOffline(), f.getMessage());
        if (failures >= settings.failuresBeforeOffline()) {
            goOffline(StatusDetail.COMMUNICATION_ERROR, f.garbled
                    ? "the reader on " + transport.describe() + " answers with garbage"
                    : "the reader on " + transport.describe() + " stopped answering");
        }
    }

    private void linkFailed(IOException e) {
        if (!worker.running()) {
            return;
        }
        log.debug("link to {} failed", transport.describe(), e);
        if (e instanceof SerialLinkException s) {
            switch (s.problem()) {
                case NOT_FOUND -> goOffline(StatusDetail.GONE, transport.describe() + " is not there (reader unplugged?)");
                case ACCESS_DENIED -> goOffline(StatusDetail.CONFIGURATION_ERROR, s.getMessage());
                default -> goOffline(StatusDetail.COMMUNICATION_ERROR, s.getMessage());
            }
        } else {
            goOffline(StatusDetail.COMMUNICATION_ERROR, "I/O error on " + transport.describe() + ": " + e);
        }
    }

    private void goOffline(StatusDetail detail, String message) {
        connected = false;
        failures = 0;
        transport.close();
        Card was = card;
        forgetCard();
        if (was == Card.PRESENTED || was == Card.FAILED) {
            // The card may still be there, but a resident must not wait on a reader that is gone.
            emit(new CardEvent.Removed());
        }
        if (worker.running()) {
            status.update(DeviceStatus.offline(detail, message + "; retrying every "
                    + settings.retryDelay().toMillis() / 1000.0 + " s"));
        }
    }

    // --- one command, one answer ---

    private SamResponse exchange(SamCommand command) throws IOException, ExchangeFailure {
        // Whatever is on the line now answers nothing we asked: a late reply, noise.
        int stale = 0;
        for (int n; (n = transport.read(buf, 0)) > 0; ) {
            stale += n;
        }
        if (stale > 0 || decoder.buffered() > 0) {
            log.debug("dropped {} stale bytes before {}", stale + decoder.buffered(), command);
        }
        decoder.reset();
        long rejects = decoder.totalRejects();
        long garbage = decoder.garbageBytes();
        transport.write(command.frame());
        long timeoutMs = settings.exchangeTimeout().toMillis()
                + 2 * SamFrames.wireMicros(command.longestAnswer(), baudInUse) / 1000;
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (worker.running()) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                break;
            }
            int n = transport.read(buf, (int) Math.min(left, Integer.MAX_VALUE));
            if (n > 0) {
                Optional<SamResponse> r = firstResponse(decoder.feed(buf, 0, n));
                if (r.isPresent()) {
                    return checked(command, r.get());
                }
            }
        }
        Optional<SamResponse> late = firstResponse(decoder.flush());
        if (late.isPresent()) {
            return checked(command, late.get());
        }
        boolean garbled = decoder.totalRejects() > rejects || decoder.garbageBytes() > garbage;
        throw new ExchangeFailure(garbled, (garbled ? "garbage instead of an answer to " : "no answer to ") + command
                + " within " + timeoutMs + " ms");
    }

    private static Optional<SamResponse> firstResponse(List<SamFrame> frames) {
        for (SamFrame f : frames) {
            Optional<SamResponse> r = SamResponse.of(f);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    private static SamResponse checked(SamCommand command, SamResponse r) throws ExchangeFailure {
        if (r.is(Sw3.CHECKSUM_ERROR) || r.is(Sw3.LENGTH_ERROR)) {
            // The reader received our frame damaged: the line is noisy.
            throw new ExchangeFailure(true, "the reader received " + command + " damaged: " + r.describe());
        }
        return r;
    }

    private void emit(CardEvent e) {
        try {
            listener.accept(e);
        } catch (RuntimeException ex) {
            log.warn("card listener failed on {}", e.getClass().getSimpleName(), ex);
        }
    }

    /** An exchange without a usable answer; a normal event on a serial line, so no stack trace. */
    private static final class ExchangeFailure extends Exception {
        final boolean garbled;

        ExchangeFailure(boolean garbled, String message) {
            super(message, null, false, false);
            this.garbled = garbled;
        }
    }

    @Override
    public String toString() {
        return "SamIdCardReader[" + transport.describe() + ", " + status.get() + "]";
    }
}
