package org.onetrip.kiosk.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The written-out equals and hashCode compare the four components, as the record's own would. */
class DeviceStatusTest {
    private static final Instant AT = Instant.parse("2026-12-07T01:00:00Z");
    private final DeviceStatus base = new DeviceStatus(DeviceState.ONLINE, StatusDetail.NONE, "ready", AT);

    @Test
    void equalComponentsAreEqualWithTheSameHash() {
        DeviceStatus same = new DeviceStatus(DeviceState.ONLINE, StatusDetail.NONE, "ready", AT);
        assertThat(same).isEqualTo(base).hasSameHashCodeAs(base);
        assertThat(base).isEqualTo(base).isNotEqualTo(null).isNotEqualTo("ONLINE: ready");
    }

    @Test
    void eachComponentCounts() {
        assertThat(new DeviceStatus(DeviceState.OFFLINE, StatusDetail.NONE, "ready", AT)).isNotEqualTo(base);
        assertThat(new DeviceStatus(DeviceState.ONLINE, StatusDetail.PAPER_NEAR_END, "ready", AT)).isNotEqualTo(base);
        assertThat(new DeviceStatus(DeviceState.ONLINE, StatusDetail.NONE, "ready.", AT)).isNotEqualTo(base);
        assertThat(new DeviceStatus(DeviceState.ONLINE, StatusDetail.NONE, "ready", AT.plusMillis(1))).isNotEqualTo(base);
        // A null message is the empty one, as the constructor says.
        assertThat(new DeviceStatus(DeviceState.ONLINE, StatusDetail.NONE, null, AT))
                .isEqualTo(new DeviceStatus(DeviceState.ONLINE, StatusDetail.NONE, "", AT));
    }
}
