package org.onetrip.kiosk.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.io.KioskIo.Light;

class LightsTest {
    private static final DeviceStatus OK = DeviceStatus.online("ready");

    private static Map<String, DeviceStatus> devices(DeviceStatus idcard, DeviceStatus printer, DeviceStatus scanner) {
        Map<String, DeviceStatus> m = new LinkedHashMap<>();
        m.put("idcard", idcard);
        m.put("printer", printer);
        m.put("scanner", scanner);
        return m;
    }

    private static Lights.Decision decide(boolean session, boolean fatal, DeviceStatus store,
            Map<String, DeviceStatus> devices, boolean paperLow) {
        return Lights.decide(new Lights.State(session, fatal, store, devices, paperLow));
    }

    @Test
    void allWellAndNobodyServedIsReadyAlone() {
        Lights.Decision d = decide(false, false, OK, devices(OK, OK, OK), false);
        assertThat(d.on()).containsExactly(Light.READY);
        assertThat(d.reasons()).isEmpty();
    }

    @Test
    void aSessionTurnsReadyIntoBusy() {
        assertThat(decide(true, false, OK, devices(OK, OK, OK), false).on()).containsExactly(Light.BUSY);
    }

    @Test
    void anOfflineDeviceAsksForAttentionAndTheKioskStaysUsable() {
        DeviceStatus gone = DeviceStatus.offline(StatusDetail.GONE, "/dev/kiosk-idcard disappeared");
        Lights.Decision d = decide(false, false, OK, devices(gone, OK, OK), false);

        assertThat(d.on()).containsExactlyInAnyOrder(Light.READY, Light.ATTENTION);
        assertThat(d.reasons()).singleElement().asString().contains("idcard").contains("GONE");
        assertThat(decide(true, false, OK, devices(gone, OK, OK), false).on())
                .containsExactlyInAnyOrder(Light.BUSY, Light.ATTENTION);
    }

    @Test
    void paperNearEndFromThePrinterOrTheSensorAsksForAttention() {
        DeviceStatus nearEnd = DeviceStatus.online(StatusDetail.PAPER_NEAR_END, "paper near end");
        assertThat(decide(false, false, OK, devices(OK, nearEnd, OK), false).on())
                .containsExactlyInAnyOrder(Light.READY, Light.ATTENTION);

        Lights.Decision bySensor = decide(false, false, OK, devices(OK, OK, OK), true);
        assertThat(bySensor.on()).containsExactlyInAnyOrder(Light.READY, Light.ATTENTION);
        assertThat(bySensor.reasons()).singleElement().asString().contains("paper-low sensor");
    }

    @Test
    void paperOutIsOfflineAndSoAttention() {
        DeviceStatus out = DeviceStatus.offline(StatusDetail.PAPER_OUT, "out of paper");
        assertThat(decide(false, false, OK, devices(OK, out, OK), false).on()).contains(Light.ATTENTION);
    }

    @Test
    void aDeviceSwitchedOffInTheProfileOrStillStartingIsNoTrouble() {
        DeviceStatus disabled = DeviceStatus.offline(StatusDetail.DISABLED, "switched off");
        DeviceStatus starting = DeviceStatus.unknown("opening the port");
        assertThat(decide(false, false, OK, devices(OK, starting, disabled), false).on()).containsExactly(Light.READY);
    }

    @Test
    void aStoreThatIsNotOnlineIsAFaultAndTheKioskCannotServe() {
        DeviceStatus storeDown = new DeviceStatus(DeviceState.OFFLINE, StatusDetail.HARDWARE_ERROR, "disk full", null);
        Lights.Decision d = decide(true, false, storeDown, devices(OK, OK, OK), false);

        assertThat(d.on()).containsExactly(Light.FAULT);
        assertThat(d.reasons()).singleElement().asString().contains("store").contains("disk full");
        assertThat(decide(false, false, null, devices(OK, OK, OK), false).on()).containsExactly(Light.FAULT);
    }

    @Test
    void aFatalErrorIsAFaultAndAttentionStillShowsWhatElseIsWrong() {
        DeviceStatus gone = DeviceStatus.offline(StatusDetail.GONE, "unplugged");
        Lights.Decision d = decide(false, true, OK, devices(OK, OK, gone), false);

        assertThat(d.on()).containsExactlyInAnyOrder(Light.FAULT, Light.ATTENTION);
        assertThat(d.reasons()).hasSize(2);
    }
}
