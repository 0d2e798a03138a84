package org.onetrip.kiosk.idcard.sam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden frames: the reference's tables, byte for byte. */
class SamFramesTest {

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of(SamCommand.SAM_STATUS, "AA AA AA 96 69 00 03 11 FF ED"),
                Arguments.of(SamCommand.RESET_SAM, "AA AA AA 96 69 00 03 10 FF EC"),
                Arguments.of(SamCommand.READ_SAM_ID, "AA AA AA 96 69 00 03 12 FF EE"),
                Arguments.of(SamCommand.FIND_CARD, "AA AA AA 96 69 00 03 20 01 22"),
                Arguments.of(SamCommand.SELECT_CARD, "AA AA AA 96 69 00 03 20 02 21"),
                Arguments.of(SamCommand.READ_TEXT_PHOTO, "AA AA AA 96 69 00 03 30 01 32"),
                Arguments.of(SamCommand.READ_TEXT_PHOTO_FINGERPRINT, "AA AA AA 96 69 00 03 30 10 23"),
                Arguments.of(SamCommand.READ_NEW_ADDRESS, "AA AA AA 96 69 00 03 30 03 30"),
                // 60 i: CHK = 00 ^ 03 ^ 60 ^ i, worked by hand: 63 62 61 60 67.
                Arguments.of(SamCommand.setBaud(115200), "AA AA AA 96 69 00 03 60 00 63"),
                Arguments.of(SamCommand.setBaud(57600), "AA AA AA 96 69 00 03 60 01 62"),
                Arguments.of(SamCommand.setBaud(38400), "AA AA AA 96 69 00 03 60 02 61"),
                Arguments.of(SamCommand.setBaud(19200), "AA AA AA 96 69 00 03 60 03 60"),
                Arguments.of(SamCommand.setBaud(9600), "AA AA AA 96 69 00 03 60 04 67"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void everyCommandFrameIsByteExact(SamCommand command, String expected) {
        assertArrayEquals(SamFrames.parseHex(expected), command.frame());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void everyCommandFrameDecodesBackToItsCommand(SamCommand command, String wire) {
        List<SamFrame> frames = new SamFrameDecoder().feed(SamFrames.parseHex(wire));
        assertThat(frames).hasSize(1);
        assertThat(SamCommand.of(frames.get(0))).contains(command);
    }

    @Test
    void fixedCommandsAreTheReferenceTable() {
        assertThat(SamCommand.fixed()).hasSize(8);
        assertThat(commands()).hasSize(8 + 5);
    }

    @Test
    void setBaudKnowsOnlyTheSamRates() {
        assertThat(SamCommand.setBaud(38400).baud()).isEqualTo(38400);
        assertThat(SamCommand.FIND_CARD.baud()).isZero();
        assertThatThrownBy(() -> SamCommand.setBaud(4800)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> responses() {
        return Stream.of(
                Arguments.of("SAM OK", SamFrames.response(Sw3.SUCCESS), "AA AA AA 96 69 00 04 00 00 90 94"),
                Arguments.of("card found", SamFrames.response(Sw3.CARD_FOUND, new byte[4]),
                        "AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97"),
                Arguments.of("no card", SamFrames.response(Sw3.NO_CARD), "AA AA AA 96 69 00 04 00 00 80 84"),
                Arguments.of("select failed", SamFrames.response(Sw3.SELECT_FAILED),
                        "AA AA AA 96 69 00 04 00 00 81 85"),
                Arguments.of("read failed", SamFrames.response(Sw3.READ_FAILED), "AA AA AA 96 69 00 04 00 00 41 45"),
                // 0C ^ 90 ^ 01 ^ 02 ^ … ^ 08 = 0C ^ 90 ^ 08 = 94
                Arguments.of("select OK", SamFrames.response(Sw3.SUCCESS, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}),
                        "AA AA AA 96 69 00 0C 00 00 90 01 02 03 04 05 06 07 08 94"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void everyShortResponseIsByteExact(String what, byte[] encoded, String expected) {
        assertArrayEquals(SamFrames.parseHex(expected), encoded);
        List<SamFrame> frames = new SamFrameDecoder().feed(encoded);
        assertThat(frames).hasSize(1);
        assertThat(SamResponse.of(frames.get(0))).isPresent();
    }

    @Test
    void readOkIs1295BytesWithLen0508() {
        byte[] text = new byte[256];
        byte[] photo = new byte[1024];
        byte[] data = new byte[4 + 256 + 1024];
        data[0] = 0x01; // text length 256, big-endian
        data[2] = 0x04; // photo length 1024
        System.arraycopy(text, 0, data, 4, 256);
        System.arraycopy(photo, 0, data, 260, 1024);
        byte[] frame = SamFrames.response(Sw3.SUCCESS, data);

        assertThat(frame).hasSize(1295);
        assertArrayEquals(SamFrames.parseHex("AA AA AA 96 69 05 08 00 00 90 01 00 04 00"),
                java.util.Arrays.copyOf(frame, 14));
        // With all-zero text and photo the checksum is 05 ^ 08 ^ 90 ^ 01 ^ 04 = 98.
        assertThat(frame[frame.length - 1] & 0xFF).isEqualTo(0x98);
        SamResponse r = SamResponse.of(new SamFrameDecoder().feed(frame).get(0)).orElseThrow();
        assertThat(r.is(Sw3.SUCCESS)).isTrue();
        assertThat(r.dataLength()).isEqualTo(1284);
    }

    @Test
    void theReferencesWrongSampleChecksumsAreRejected() {
        for (String wrong : List.of("AA AA AA 96 69 00 03 20 01 21", "AA AA AA 96 69 00 03 20 00 22")) {
            SamFrameDecoder d = new SamFrameDecoder();
            assertThat(d.feed(SamFrames.parseHex(wrong))).as(wrong).isEmpty();
            assertThat(d.rejects(SamFrameDecoder.Reject.BAD_CHECKSUM)).as(wrong).isEqualTo(1);
        }
        // …and what they should have been.
        assertThat(new SamFrameDecoder().feed(SamFrames.parseHex("AA AA AA 96 69 00 03 20 00 23"))).hasSize(1);
    }

    @Test
    void checksumIsXorOfLenAndBodyWithoutThePreamble() {
        byte[] f = SamFrames.command(0xFF, 0xFF, (byte) 0x80);
        assertThat(f[f.length - 1] & 0xFF).isEqualTo(0x00 ^ 0x04 ^ 0xFF ^ 0xFF ^ 0x80);
    }

    @Test
    void everySw3HasItsCodeAndMeaning() {
        assertThat(Sw3.values()).hasSize(20);
        assertThat(Sw3.of(0x90)).isEqualTo(Sw3.SUCCESS);
        assertThat(Sw3.of(0x9F)).isEqualTo(Sw3.CARD_FOUND);
        assertThat(Sw3.of(0x41).meaning()).isEqualTo("card read failed");
        assertThat(Sw3.of(0x66)).isEqualTo(Sw3.SAM_NOT_AUTHORISED);
        assertThat(Sw3.of(0x07)).isNull();
        assertThat(Sw3.describe(0x80)).isEqualTo("SW3=80 (find card failed (no card))");
        assertThat(Sw3.describe(0x07)).isEqualTo("SW3=07 (undocumented status)");
        assertThat(java.util.Arrays.stream(Sw3.values()).map(Sw3::code).distinct().count()).isEqualTo(20);
    }

    @Test
    void responseWithoutSw3IsNotAResponse() {
        assertThat(SamResponse.of(new SamFrame(new byte[] {0, 0}))).isEmpty();
        SamResponse r = SamResponse.of(new SamFrame(new byte[] {0, 0, (byte) 0xEE})).orElseThrow();
        assertThat(r.sw3()).isEqualTo(0xEE);
        assertThat(r.status()).isEmpty();
    }

    @Test
    void wireTimeIsTenBitsAByte() {
        assertThat(SamFrames.wireMicros(1295, 115200)).isEqualTo(112413);
        assertThat(SamFrames.wireMicros(1295, 9600)).isEqualTo(1348958);
    }

    @Test
    void encoderRefusesBodiesThatCannotBeFramed() {
        assertThatThrownBy(() -> SamFrames.frame(new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SamFrames.frame(new byte[SamFrames.MAX_BODY + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SamFrames.frame(new byte[SamFrames.MAX_BODY])).hasSize(SamFrames.HEADER_LENGTH + SamFrames.MAX_LEN);
    }
}
