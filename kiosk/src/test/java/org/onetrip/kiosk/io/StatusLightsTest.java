package org.onetrip.kiosk.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.io.KioskIo.Input;
import org.onetrip.kiosk.io.KioskIo.Light;
import org.onetrip.kiosk.testing.MutableClock;

/** The lights follow the kiosk's state, read back from the mock platform's output pins. */
class StatusLightsTest {
    private final MutableClock clock = MutableClock.at("2026-03-01T02:00:00Z");
    private final FakeIoTimers timers = new FakeIoTimers(clock);
    private final FakeDevice idcard = new FakeDevice("idcard");
    private final FakeDevice printer = new FakeDevice("printer");
    private final AtomicReference<DeviceStatus> store = new AtomicReference<>(DeviceStatus.online("kiosk.db"));
    private SimulatedKioskIo io;
    private StatusLights lights;

    @BeforeEach
    void start() {
        io = new SimulatedKioskIo(IoPins.from(KioskConfig.simulator().validate()), timers);
        io.start();
        lights = new StatusLights(io, List.of(idcard, printer), store::get);
        lights.start();
    }

    @AfterEach
    void close() {
        io.close();
    }

    private List<Boolean> lit() {
        return List.of(io.isLit(Light.READY), io.isLit(Light.BUSY), io.isLit(Light.ATTENTION), io.isLit(Light.FAULT));
    }

    @Test
    void readyAtStartBusyDuringASessionReadyAfter() {
        assertThat(lit()).containsExactly(true, false, false, false);

        lights.sessionActive(true);
        assertThat(lit()).containsExactly(false, true, false, false);

        lights.sessionActive(false);
        assertThat(lit()).containsExactly(true, false, false, false);
    }

    @Test
    void aDeviceGoingOfflineLightsAttentionAtOnceAndComingBackClearsIt() {
        idcard.set(DeviceStatus.offline(StatusDetail.GONE, "/dev/kiosk-idcard disappeared"));
        assertThat(lit()).containsExactly(true, false, true, false);
        assertThat(lights.current().reasons()).singleElement().asString().contains("idcard");

        idcard.set(DeviceStatus.online("ready again"));
        assertThat(lit()).containsExactly(true, false, false, false);
    }

    @Test
    void thePaperLowSensorLightsAttentionOnceItHasSettled() {
        io.setInput(Input.PAPER_LOW, true);
        timers.advance(Duration.ofMillis(500));
        assertThat(io.isLit(Light.ATTENTION)).isFalse();

        timers.advance(Duration.ofMillis(500));
        assertThat(io.isLit(Light.ATTENTION)).isTrue();
        assertThat(io.isLit(Light.READY)).isTrue();

        io.setInput(Input.PAPER_LOW, false);
        timers.advance(Duration.ofSeconds(1));
        assertThat(io.isLit(Light.ATTENTION)).isFalse();
    }

    @Test
    void aStoreThatFailsIsAFaultOnTheNextRefresh() {
        store.set(new DeviceStatus(DeviceState.OFFLINE, StatusDetail.HARDWARE_ERROR, "disk I/O error", null));
        assertThat(lit()).as("the store has no listener").containsExactly(true, false, false, false);

        lights.refresh();
        assertThat(lit()).as("a recompute without asking the store uses its last answer")
                .containsExactly(true, false, false, false);

        lights.refreshStore();
        assertThat(lit()).containsExactly(false, false, false, true);

        store.set(DeviceStatus.online("kiosk.db"));
        lights.refreshStore();
        assertThat(lit()).containsExactly(true, false, false, false);
    }

    /**
     * The lights start on the device-start thread beside the touch screen, which may already
     * listen: it hears the store's first answer (it showed "store not asked yet" for a period).
     */
    @Test
    void aListenerFromBeforeTheStartHearsTheStoresFirstAnswer() {
        StatusLights fresh = new StatusLights(io, List.of(idcard, printer), store::get);
        java.util.List<DeviceStatus> heard = new java.util.ArrayList<>();
        fresh.addStoreListener(heard::add);
        assertThat(fresh.storeStatus().state()).isEqualTo(DeviceState.UNKNOWN);

        fresh.start();

        assertThat(heard).containsExactly(store.get());
        assertThat(fresh.storeStatus()).isEqualTo(store.get());
    }

    @Test
    void oneLookAtTheStoreServesTheLightsAndWhoeverListens() {
        java.util.List<DeviceStatus> heard = new java.util.ArrayList<>();
        lights.addStoreListener(heard::add);
        DeviceStatus offline = new DeviceStatus(DeviceState.OFFLINE, StatusDetail.HARDWARE_ERROR, "disk full", null);
        store.set(offline);
        lights.refreshStore();
        assertThat(heard).containsExactly(offline);
        assertThat(lights.storeStatus()).isEqualTo(offline);

        java.util.function.Consumer<DeviceStatus> gone = heard::add;
        lights.addStoreListener(gone);
        lights.removeStoreListener(gone);
        lights.refresh();
        assertThat(heard).as("a recompute does not ask the store, and so tells nobody").hasSize(1);
    }

    @Test
    void aStoreThatHangsNeverHoldsUpTheUisSessionAndFaultCalls() throws Exception {
        java.util.concurrent.CountDownLatch asked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release2 = new java.util.concurrent.CountDownLatch(1);
        StatusLights stuck = new StatusLights(io, List.of(idcard, printer), () -> {
            asked.countDown();
            try {
                release2.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return DeviceStatus.online("kiosk.db");
        });
        Thread poller = new Thread(stuck::refreshStore, "store-poller");
        try {
            // The poller is inside the store (a BEGIN IMMEDIATE waiting on a lock, say).
            poller.start();
            assertThat(asked.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            // What the UI thread calls at the end of a visit and on the out-of-service screen
            // must not wait for it (a hang guard, not a timing: the calls never ask the store).
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                stuck.sessionActive(true);
                stuck.fatal(true);
                stuck.fatal(false);
                stuck.sessionActive(false);
            });
        } finally {
            release2.countDown();
            poller.join();
        }
    }

    @Test
    void theOutOfServiceScreenIsAFaultWithTheDevicesTroubleBeside() {
        printer.set(DeviceStatus.online(StatusDetail.PAPER_NEAR_END, "paper near end"));
        lights.fatal(true);
        assertThat(lit()).containsExactly(false, false, true, true);

        lights.fatal(false);
        assertThat(lit()).containsExactly(true, false, true, false);
    }
}
