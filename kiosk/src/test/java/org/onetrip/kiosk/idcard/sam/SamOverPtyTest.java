package org.onetrip.kiosk.idcard.sam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.device.serial.SocatPty;
import org.onetrip.kiosk.idcard.CardEvent;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.idcard.SamDeviceSimulator;
import org.onetrip.kiosk.idcard.SamIdCardReader;
import org.onetrip.kiosk.idcard.SamIdCardReader.Settings;
import org.onetrip.kiosk.idcard.SerialSamTransport;

/**
 * End to end over a pseudo-terminal pair: the kiosk's reader on A through jSerialComm, a simulated
 * SAM on B. Stopping socat removes both nodes, as unplugging a USB reader does.
 */
class SamOverPtyTest {
    @TempDir
    Path dir;
    private SocatPty pty;
    private SamDeviceSimulator device;
    private SamIdCardReader reader;
    private final SimulatedSam sam = new SimulatedSam();
    private final List<CardEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(SocatPty.available(), "socat is installed (CI installs it)");
        pty = new SocatPty(dir).start();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (reader != null) {
            reader.close();
        }
        if (device != null) {
            device.close();
        }
        if (pty != null) {
            pty.stop();
        }
    }

    private void startBoth(boolean paced, Settings settings) {
        device = new SamDeviceSimulator(pty.b().toString(), sam, paced);
        device.start();
        reader = new SamIdCardReader(new SerialSamTransport(pty.a().toString()), settings);
        reader.setCardListener(events::add);
        reader.start();
    }

    private void awaitEvents(int n) {
        Await.until(n + " events", () -> events.size() >= n, () -> events);
    }

    private void awaitStatus(DeviceState state, StatusDetail detail) {
        Await.until(state + "/" + detail, () -> reader.status().state() == state && reader.status().detail() == detail,
                () -> reader.status());
    }

    private static Settings settings() {
        return Settings.defaults()
                .withPollInterval(Duration.ofMillis(50))
                .withExchangeTimeout(Duration.ofMillis(500))
                .withRetryDelay(Duration.ofMillis(200));
    }

    @Test
    void cardPlacedReadRemovedThenReaderUnpluggedAndBack() throws Exception {
        startBoth(false, settings());
        awaitStatus(DeviceState.ONLINE, StatusDetail.NONE);
        assertThat(reader.status().message()).contains(pty.a().toString());

        sam.place(FictionalCards.LAI_JIAJIA);
        awaitEvents(1);
        assertThat(events.get(0)).isEqualTo(new CardEvent.Presented(FictionalCards.LAI_JIAJIA));
        sam.remove();
        awaitEvents(2);
        assertThat(events.get(1)).isInstanceOf(CardEvent.Removed.class);

        pty.stop();
        awaitStatus(DeviceState.OFFLINE, StatusDetail.GONE);
        assertThat(reader.status().message()).contains("is not there");

        pty.start();
        awaitStatus(DeviceState.ONLINE, StatusDetail.NONE);
        sam.place(SamTestCards.FOREIGN_2023);
        awaitEvents(3);
        assertThat(events.get(2)).isEqualTo(new CardEvent.Presented(SamTestCards.FOREIGN_2023));
        assertThat(events).hasSize(3);
    }

    @Test
    void aCardPresentWhenTheReaderIsUnpluggedIsRemovedAndReadAgainAfter() throws Exception {
        startBoth(false, settings());
        awaitStatus(DeviceState.ONLINE, StatusDetail.NONE);
        sam.place(FictionalCards.HMT_PERMIT);
        awaitEvents(1);

        pty.stop();
        awaitEvents(2);
        assertThat(events.get(1)).isInstanceOf(CardEvent.Removed.class);
        awaitStatus(DeviceState.OFFLINE, StatusDetail.GONE);

        pty.start();
        awaitEvents(3);
        assertThat(events.get(2)).isEqualTo(new CardEvent.Presented(FictionalCards.HMT_PERMIT));
    }

    @Test
    void pacedAtTheSamsRateTheReadStillArrives() {
        startBoth(true, settings());
        awaitStatus(DeviceState.ONLINE, StatusDetail.NONE);
        sam.place(FictionalCards.ZHAN_AGENT);
        awaitEvents(1);
        assertThat(events.get(0)).isEqualTo(new CardEvent.Presented(FictionalCards.ZHAN_AGENT));
        assertThat(device.bytesSent()).isGreaterThan(1295);
    }

    @Test
    void aDeviceThatNeverAnswersIsACommunicationErrorNotGone() {
        // Nothing on B: the node exists, the reader is silent.
        reader = new SamIdCardReader(new SerialSamTransport(pty.a().toString()), settings());
        reader.start();
        awaitStatus(DeviceState.OFFLINE, StatusDetail.COMMUNICATION_ERROR);
        assertThat(reader.status().message()).startsWith("no answer from the reader on " + pty.a());

        device = new SamDeviceSimulator(pty.b().toString(), sam, false);
        device.start();
        awaitStatus(DeviceState.ONLINE, StatusDetail.NONE);
    }
}
