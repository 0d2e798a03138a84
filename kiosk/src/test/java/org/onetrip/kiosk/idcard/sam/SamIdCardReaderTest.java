package org.onetrip.kiosk.idcard.sam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.config.ConfigException;
import org.onetrip.kiosk.config.DeviceUri;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.idcard.CardEvent;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.idcard.SamIdCardReader;
import org.onetrip.kiosk.idcard.SamIdCardReader.Settings;
import org.onetrip.kiosk.idcard.SimulatedSamTransport;
import org.slf4j.LoggerFactory;

/** The adapter against the in-memory transport: the real reader code, a simulated SAM. */
class SamIdCardReaderTest {
    static final Settings FAST = Settings.defaults()
            .withPollInterval(Duration.ofMillis(20))
            .withExchangeTimeout(Duration.ofMillis(250))
            .withRetryDelay(Duration.ofMillis(100));

    private final SimulatedSam sam = new SimulatedSam();
    private final SimulatedSamTransport link = new SimulatedSamTransport(sam, "/dev/ttyTEST");
    private final List<CardEvent> events = new CopyOnWriteArrayList<>();
    private final List<DeviceStatus> statuses = new CopyOnWriteArrayList<>();
    private SamIdCardReader reader;

    private SamIdCardReader start(Settings settings) {
        reader = new SamIdCardReader(link, settings);
        reader.setCardListener(events::add);
        reader.addStatusListener(statuses::add);
        reader.start();
        return reader;
    }

    @AfterEach
    void close() {
        if (reader != null) {
            reader.close();
        }
    }

    private void awaitOnline() {
        Await.until("ONLINE", () -> reader.status().isOnline(), () -> reader.status());
    }

    private void awaitStatus(DeviceState state, StatusDetail detail) {
        Await.until(state + "/" + detail, () -> reader.status().state() == state && reader.status().detail() == detail,
                () -> reader.status());
    }

    private void awaitEvents(int n) {
        Await.until(n + " events", () -> events.size() >= n, () -> events);
    }

    /** Lets the reader poll a while: {@code commands} more commands answered by the SAM. */
    private void letItPoll(int commands) {
        long target = sam.commandsAnswered() + commands;
        Await.until(commands + " more commands", () -> sam.commandsAnswered() >= target);
    }

    private static CardEvent presented(Identity id) {
        return new CardEvent.Presented(id);
    }

    @Test
    void aCardIsPresentedOnceWhileItStaysAndRemovedOnce() {
        start(FAST);
        awaitOnline();
        assertThat(reader.status().message()).isEqualTo("SAM ready on /dev/ttyTEST at 115200 baud");

        sam.place(FictionalCards.LAI_JIAJIA);
        awaitEvents(1);
        assertThat(events).containsExactly(presented(FictionalCards.LAI_JIAJIA));

        letItPoll(40);
        assertThat(events).hasSize(1);
        assertThat(sam.reads()).isEqualTo(1);

        sam.remove();
        awaitEvents(2);
        assertThat(events.get(1)).isInstanceOf(CardEvent.Removed.class);
        letItPoll(20);
        assertThat(events).hasSize(2);

        sam.place(FictionalCards.ZHAN_AGENT);
        awaitEvents(3);
        assertThat(events.get(2)).isEqualTo(presented(FictionalCards.ZHAN_AGENT));
        assertThat(((CardEvent.Presented) events.get(2)).identity().validTo()).isNull();
    }

    @Test
    void everyCardTypeIsReadThroughTheWholeStack() {
        start(FAST);
        awaitOnline();
        List<Identity> cards = SamTestCards.encodable();
        for (Identity card : cards) {
            int before = events.size();
            sam.place(card);
            awaitEvents(before + 1);
            assertThat(events.get(before)).isEqualTo(presented(card));
            sam.remove();
            awaitEvents(before + 2);
        }
        assertThat(events).hasSize(2 * cards.size());
    }

    @Test
    void aReaderWhoseCardHaltsAfterAReadDoesNotFakeARemoval() {
        sam.setHaltAfterRead(true);
        start(FAST);
        awaitOnline();
        sam.place(FictionalCards.LAI_JIAJIA);
        awaitEvents(1);
        letItPoll(60);
        assertThat(events).containsExactly(presented(FictionalCards.LAI_JIAJIA));
    }

    @Test
    void anUnreadableCardIsOneTransientReadFailure() {
        start(FAST);
        awaitOnline();
        sam.placeUnreadable(FictionalCards.LAI_JIAJIA);
        awaitEvents(1);
        assertThat(events.get(0)).isInstanceOfSatisfying(CardEvent.ReadFailed.class, f -> {
            assertThat(f.transientFailure()).isTrue();
            assertThat(f.reason()).contains("SW3=41 (card read failed)");
        });
        letItPoll(40);
        assertThat(events).hasSize(1);

        // The resident straightens the card and it reads: presented without lifting it.
        sam.place(FictionalCards.LAI_JIAJIA);
        awaitEvents(2);
        assertThat(events.get(1)).isEqualTo(presented(FictionalCards.LAI_JIAJIA));

        sam.remove();
        awaitEvents(3);
        assertThat(events.get(2)).isInstanceOf(CardEvent.Removed.class);
    }

    @Test
    void aCardWithABadDateIsATransientReadFailureAndItsRemovalIsReported() {
        start(FAST);
        awaitOnline();
        sam.placeRawText(TextBlockEncoder.withField(TextBlockEncoder.encode(FictionalCards.LAI_JIAJIA),
                TextBlockLayout.BIRTH, "19920230"));
        awaitEvents(1);
        assertThat(events.get(0)).isEqualTo(new CardEvent.ReadFailed(true,
                "the card's data failed checks: birth date is not a real date"));
        sam.remove();
        awaitEvents(2);
        assertThat(events.get(1)).isInstanceOf(CardEvent.Removed.class);
    }

    @Test
    void anUnknownCardTypeIsAPermanentReadFailureAtOnce() {
        start(FAST);
        awaitOnline();
        sam.placeRawText(TextBlockEncoder.withField(TextBlockEncoder.encode(FictionalCards.LAI_JIAJIA),
                TextBlockLayout.TYPE, "Q"));
        awaitEvents(1);
        assertThat(events.get(0)).isInstanceOfSatisfying(CardEvent.ReadFailed.class,
                f -> assertThat(f.transientFailure()).isFalse());
        long reads = sam.reads();
        letItPoll(30);
        assertThat(sam.reads()).as("no more reads of a card that cannot be read").isEqualTo(reads);
        assertThat(events).hasSize(1);
    }

    @Test
    void aSilentReaderGoesOfflineAndComesBack() {
        start(FAST);
        awaitOnline();
        sam.place(FictionalCards.LAI_JIAJIA);
        awaitEvents(1);

        link.setSilent(true);
        awaitStatus(DeviceState.OFFLINE, StatusDetail.COMMUNICATION_ERROR);
        assertThat(reader.status().message()).startsWith("the reader on /dev/ttyTEST stopped answering")
                .contains("retrying");
        // Nobody waits on a dead reader with a card they think is read.
        awaitEvents(2);
        assertThat(events.get(1)).isInstanceOf(CardEvent.Removed.class);

        link.setSilent(false);
        awaitOnline();
        // The card is still on the antenna: read again, as a new placement.
        awaitEvents(3);
        assertThat(events.get(2)).isEqualTo(presented(FictionalCards.LAI_JIAJIA));
    }

    @Test
    void aGarbledReaderGoesOfflineWithItsOwnMessage() {
        start(FAST);
        awaitOnline();
        link.setGarbled(true);
        awaitStatus(DeviceState.OFFLINE, StatusDetail.COMMUNICATION_ERROR);
        assertThat(reader.status().message()).contains("garbage");
        link.setGarbled(false);
        awaitOnline();
    }

    @Test
    void anUnpluggedReaderIsGoneUntilItComesBack() {
        start(FAST);
        awaitOnline();
        long opens = link.opens();
        link.unplug();
        awaitStatus(DeviceState.OFFLINE, StatusDetail.GONE);
        assertThat(reader.status().message()).startsWith("/dev/ttyTEST is not there (reader unplugged?)");
        link.plugIn();
        awaitOnline();
        assertThat(link.opens()).isGreaterThan(opens);

        sam.place(FictionalCards.HMT_PERMIT);
        awaitEvents(1);
        assertThat(events).containsExactly(presented(FictionalCards.HMT_PERMIT));
    }

    @Test
    void aReaderMissingAtStartIsAStatusNotACrash() {
        link.unplug();
        start(FAST);
        awaitStatus(DeviceState.OFFLINE, StatusDetail.GONE);
        link.plugIn();
        awaitOnline();
    }

    @Test
    void aFailingSamIsAHardwareError() {
        sam.setSamFault(Sw3.SAM_SELF_TEST_FAILED);
        start(FAST);
        awaitStatus(DeviceState.OFFLINE, StatusDetail.HARDWARE_ERROR);
        assertThat(reader.status().message()).contains("reports SW3=60 (SAM self-test failed)");
        sam.setSamFault(null);
        awaitOnline();
    }

    @Test
    void autoBaudFindsTheSamsRate() {
        sam.setBaud(38400);
        start(FAST.withBaud(SamIdCardReader.AUTO_BAUD));
        awaitOnline();
        assertThat(reader.status().message()).endsWith("at 38400 baud");
        assertThat(link.baud()).isEqualTo(38400);
        sam.place(FictionalCards.LAI_JIAJIA);
        awaitEvents(1);
    }

    @Test
    void aFixedWrongBaudIsACommunicationError() {
        sam.setBaud(9600);
        start(FAST);
        awaitStatus(DeviceState.OFFLINE, StatusDetail.COMMUNICATION_ERROR);
        assertThat(reader.status().message()).startsWith("no answer from the reader on /dev/ttyTEST at 115200 baud");
    }

    @Test
    void answersCutIntoSingleBytesStillRead() {
        link.setChunkSize(1);
        start(FAST);
        awaitOnline();
        sam.place(FictionalCards.LAI_JIAJIA);
        awaitEvents(1);
        assertThat(events).containsExactly(presented(FictionalCards.LAI_JIAJIA));
    }

    @Test
    void aThrowingListenerDoesNotStopTheReader() {
        reader = new SamIdCardReader(link, FAST);
        reader.setCardListener(e -> {
            events.add(e);
            throw new IllegalStateException("listener bug");
        });
        reader.start();
        awaitOnline();
        sam.place(FictionalCards.LAI_JIAJIA);
        awaitEvents(1);
        sam.remove();
        awaitEvents(2);
        assertThat(reader.status().isOnline()).isTrue();
    }

    @Test
    void closeStopsPromptlyAndForGood() {
        start(FAST);
        awaitOnline();
        long t0 = System.nanoTime();
        reader.close();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("idcard-sam") && t.isAlive());
        long answered = sam.commandsAnswered();
        sam.place(FictionalCards.LAI_JIAJIA);
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(sam.commandsAnswered()).isEqualTo(answered);
        assertThat(events).isEmpty();
    }

    @Test
    void logsNeverHoldAWholeNameOrIdNumber() {
        Logger idcardLogger = (Logger) LoggerFactory.getLogger("org.onetrip.kiosk");
        Level before = idcardLogger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        idcardLogger.addAppender(appender);
        idcardLogger.setLevel(Level.DEBUG);
        try {
            start(FAST);
            awaitOnline();
            for (Identity card : List.of(FictionalCards.LAI_JIAJIA, FictionalCards.FOREIGN_PERMANENT,
                    SamTestCards.FOREIGN_2023)) {
                int n = events.size();
                sam.place(card);
                awaitEvents(n + 1);
                sam.remove();
                awaitEvents(n + 2);
            }
            sam.placeUnreadable(FictionalCards.EXPIRED);
            awaitEvents(7);
        } finally {
            idcardLogger.detachAppender(appender);
            idcardLogger.setLevel(before);
        }
        assertThat(appender.list).isNotEmpty();
        Set<String> secrets = Set.of(FictionalCards.LAI_JIAJIA.name(), FictionalCards.LAI_JIAJIA.idNumber(),
                FictionalCards.FOREIGN_PERMANENT.idNumber(), FictionalCards.FOREIGN_PERMANENT.englishName(),
                SamTestCards.FOREIGN_2023.name(), SamTestCards.FOREIGN_2023.idNumber(),
                FictionalCards.EXPIRED.idNumber(), FictionalCards.EXPIRED.name());
        for (ILoggingEvent e : appender.list) {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            for (String secret : secrets) {
                assertThat(line).as("log line").doesNotContain(secret);
            }
        }
        assertThat(appender.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("赖**"));
    }

    @Test
    void settingsComeFromTheDeviceUri() {
        Set<DeviceUri.Scheme> serial = Set.of(DeviceUri.Scheme.SERIAL, DeviceUri.Scheme.SIM);
        Settings d = Settings.fromUri("idcard.device", DeviceUri.parse("idcard.device", "serial:/dev/ttyUSB0", serial));
        assertThat(d.baud()).isEqualTo(115200);
        assertThat(d.pollInterval()).isEqualTo(Duration.ofMillis(300));
        assertThat(Settings.fromUri("idcard.device",
                DeviceUri.parse("idcard.device", "serial:/dev/ttyUSB0?baud=auto&poll=150", serial)))
                .satisfies(s -> {
                    assertThat(s.baud()).isEqualTo(SamIdCardReader.AUTO_BAUD);
                    assertThat(s.pollInterval()).isEqualTo(Duration.ofMillis(150));
                });
        assertThat(Settings.fromUri("k", DeviceUri.parse("k", "serial:/dev/ttyS1?baud=9600", serial)).baud())
                .isEqualTo(9600);
        for (String bad : List.of("serial:/dev/ttyS1?baud=4800", "serial:/dev/ttyS1?baud=fast",
                "serial:/dev/ttyS1?poll=1", "serial:/dev/ttyS1?poll=x", "sim")) {
            assertThatThrownBy(() -> Settings.fromUri("idcard.device", DeviceUri.parse("idcard.device", bad, serial)))
                    .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("idcard.device");
        }
    }

    @Test
    void statusChangesAreReportedToListeners() {
        start(FAST);
        awaitOnline();
        link.unplug();
        awaitStatus(DeviceState.OFFLINE, StatusDetail.GONE);
        link.plugIn();
        awaitOnline();
        assertThat(statuses).extracting(DeviceStatus::state)
                .containsSubsequence(DeviceState.ONLINE, DeviceState.OFFLINE, DeviceState.ONLINE);
        assertThat(Map.of("name", reader.name())).containsEntry("name", "ID card reader (SAM on /dev/ttyTEST)");
    }
}
