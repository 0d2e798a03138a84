package org.onetrip.kiosk.idcard.sam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.idcard.FictionalCards;

class ReadPayloadTest {
    private static final byte[] TEXT = TextBlockEncoder.encode(FictionalCards.LAI_JIAJIA);

    @Test
    void readTextAndPhoto() {
        byte[] data = ReadPayload.encode(TEXT, new byte[1024], null);
        assertThat(data).hasSize(1284);
        assertThat(Arrays.copyOf(data, 4)).containsExactly(0x01, 0x00, 0x04, 0x00);
        ReadPayload p = ReadPayload.parse(data, false).value();
        assertArrayEquals(TEXT, p.text());
        assertThat(p.photoLength()).isEqualTo(1024);
        assertThat(p.fingerprintLength()).isZero();
    }

    @Test
    void readWithFingerprintsHasThreeLengthsAndTheTextTwoBytesLater() {
        byte[] data = ReadPayload.encode(TEXT, new byte[1024], new byte[1024]);
        assertThat(Arrays.copyOf(data, 6)).containsExactly(0x01, 0x00, 0x04, 0x00, 0x04, 0x00);
        ReadPayload p = ReadPayload.parse(data, true).value();
        assertArrayEquals(TEXT, p.text());
        assertThat(p.fingerprintLength()).isEqualTo(1024);
        assertThat(SamFrames.response(Sw3.SUCCESS, data)).hasSize(7 + 3 + data.length + 1);
        assertThat(7 + 3 + data.length + 1 - 7).isLessThanOrEqualTo(SamFrames.MAX_LEN);
    }

    @Test
    void aCardWithoutFingerprintsReportsLengthZero() {
        byte[] data = ReadPayload.encode(TEXT, new byte[1024], new byte[0]);
        assertThat(ReadPayload.parse(data, true).value().fingerprintLength()).isZero();
    }

    @Test
    void lengthsThatDoNotAddUpAreReadFailures() {
        byte[] data = ReadPayload.encode(TEXT, new byte[1024], null);
        assertThat(ReadPayload.parse(Arrays.copyOf(data, 1000), false).reason())
                .isEqualTo("read data is 1000 bytes but its lengths add up to 1284");
        assertThat(ReadPayload.parse(new byte[3], false).isOk()).isFalse();
        assertThat(ReadPayload.parse(data, true).isOk()).isFalse();
        byte[] shortText = ReadPayload.encode(new byte[255], new byte[1025], null);
        assertThat(ReadPayload.parse(shortText, false).reason()).isEqualTo("text block is 255 bytes, not 256");
    }
}
