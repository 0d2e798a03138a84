package org.onetrip.kiosk.idcard.sam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.idcard.Identity;

class SimulatedSamTest {
    private final SimulatedSam sam = new SimulatedSam();

    private byte[] ask(SamCommand c) {
        List<byte[]> out = sam.receive(c.frame());
        assertThat(out).as("answers to %s", c).hasSize(1);
        return out.get(0);
    }

    private SamResponse askResponse(SamCommand c) {
        return SamResponse.of(new SamFrameDecoder().feed(ask(c)).get(0)).orElseThrow();
    }

    @Test
    void samStatusAndResetAnswerOk() {
        assertArrayEquals(SamFrames.parseHex("AA AA AA 96 69 00 04 00 00 90 94"), ask(SamCommand.SAM_STATUS));
        assertArrayEquals(SamFrames.parseHex("AA AA AA 96 69 00 04 00 00 90 94"), ask(SamCommand.RESET_SAM));
    }

    @Test
    void samIdIsSixteenBytes() {
        SamResponse r = askResponse(SamCommand.READ_SAM_ID);
        assertThat(r.is(Sw3.SUCCESS)).isTrue();
        assertThat(r.dataLength()).isEqualTo(16);
    }

    @Test
    void aSamFaultShowsInTheStatus() {
        sam.setSamFault(Sw3.SAM_SELF_TEST_FAILED);
        assertArrayEquals(SamFrames.parseHex("AA AA AA 96 69 00 04 00 00 60 64"), ask(SamCommand.SAM_STATUS));
    }

    @Test
    void noCardOnTheAntenna() {
        assertArrayEquals(SamFrames.parseHex("AA AA AA 96 69 00 04 00 00 80 84"), ask(SamCommand.FIND_CARD));
        assertArrayEquals(SamFrames.parseHex("AA AA AA 96 69 00 04 00 00 81 85"), ask(SamCommand.SELECT_CARD));
        assertArrayEquals(SamFrames.parseHex("AA AA AA 96 69 00 04 00 00 41 45"), ask(SamCommand.READ_TEXT_PHOTO));
    }

    @Test
    void findSelectReadGivesTheCard() {
        sam.place(FictionalCards.LAI_JIAJIA);
        assertArrayEquals(SamFrames.parseHex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97"), ask(SamCommand.FIND_CARD));
        byte[] select = ask(SamCommand.SELECT_CARD);
        assertThat(select).hasSize(19);
        assertThat(Arrays.copyOf(select, 10)).containsExactly(SamFrames.parseHex("AA AA AA 96 69 00 0C 00 00 90"));

        byte[] read = ask(SamCommand.READ_TEXT_PHOTO);
        assertThat(read).hasSize(1295);
        assertThat(Arrays.copyOf(read, 14)).containsExactly(SamFrames.parseHex("AA AA AA 96 69 05 08 00 00 90 01 00 04 00"));
        SamResponse r = SamResponse.of(new SamFrameDecoder().feed(read).get(0)).orElseThrow();
        Identity id = TextBlockParser.parse(ReadPayload.parse(r.data(), false).value().text()).value();
        assertThat(id).isEqualTo(FictionalCards.LAI_JIAJIA);
        assertThat(sam.reads()).isEqualTo(1);
    }

    @Test
    void readWithFingerprintsIs2321Bytes() {
        sam.place(SamTestCards.FOREIGN_2023);
        ask(SamCommand.FIND_CARD);
        ask(SamCommand.SELECT_CARD);
        byte[] read = ask(SamCommand.READ_TEXT_PHOTO_FINGERPRINT);
        assertThat(read).hasSize(2321);
        SamResponse r = SamResponse.of(new SamFrameDecoder().feed(read).get(0)).orElseThrow();
        ReadPayload p = ReadPayload.parse(r.data(), true).value();
        assertThat(p.fingerprintLength()).isEqualTo(1024);
        assertThat(TextBlockParser.parse(p.text()).value()).isEqualTo(SamTestCards.FOREIGN_2023);
    }

    @Test
    void aCardMustBeFoundAndSelectedAgainAfterARead() {
        sam.place(FictionalCards.LAI_JIAJIA);
        ask(SamCommand.FIND_CARD);
        ask(SamCommand.SELECT_CARD);
        ask(SamCommand.READ_TEXT_PHOTO);
        assertThat(askResponse(SamCommand.READ_TEXT_PHOTO).is(Sw3.READ_FAILED)).isTrue();
        assertThat(askResponse(SamCommand.SELECT_CARD).is(Sw3.SELECT_FAILED)).isTrue();
        assertThat(askResponse(SamCommand.FIND_CARD).is(Sw3.CARD_FOUND)).isTrue();
    }

    @Test
    void anUnreadableCardFailsWith41() {
        sam.placeUnreadable(FictionalCards.LAI_JIAJIA);
        assertThat(askResponse(SamCommand.FIND_CARD).is(Sw3.CARD_FOUND)).isTrue();
        assertThat(askResponse(SamCommand.SELECT_CARD).is(Sw3.SUCCESS)).isTrue();
        assertArrayEquals(SamFrames.parseHex("AA AA AA 96 69 00 04 00 00 41 45"), ask(SamCommand.READ_TEXT_PHOTO));
    }

    @Test
    void haltAfterReadMakesTheNextFindFailOnce() {
        sam.setHaltAfterRead(true);
        sam.place(FictionalCards.LAI_JIAJIA);
        ask(SamCommand.FIND_CARD);
        ask(SamCommand.SELECT_CARD);
        ask(SamCommand.READ_TEXT_PHOTO);
        assertThat(askResponse(SamCommand.FIND_CARD).is(Sw3.NO_CARD)).isTrue();
        assertThat(askResponse(SamCommand.FIND_CARD).is(Sw3.CARD_FOUND)).isTrue();
    }

    @Test
    void removedCardIsNotFound() {
        sam.place(FictionalCards.LAI_JIAJIA);
        sam.remove();
        assertThat(askResponse(SamCommand.FIND_CARD).is(Sw3.NO_CARD)).isTrue();
        assertThat(sam.hasCard()).isFalse();
    }

    @Test
    void newAddressIsNoSuchItem() {
        sam.place(FictionalCards.LAI_JIAJIA);
        ask(SamCommand.FIND_CARD);
        ask(SamCommand.SELECT_CARD);
        assertThat(askResponse(SamCommand.READ_NEW_ADDRESS).is(Sw3.NO_SUCH_ITEM)).isTrue();
    }

    @Test
    void setBaudAnswersThenChangesRate() {
        assertThat(askResponse(SamCommand.setBaud(9600)).is(Sw3.SUCCESS)).isTrue();
        assertThat(sam.baud()).isEqualTo(9600);
        assertThat(SamResponse.of(new SamFrameDecoder().feed(sam.receive(SamFrames.command(0x60, 0x05)).get(0)).get(0))
                .orElseThrow().is(Sw3.BAD_COMMAND)).isTrue();
        assertThat(sam.baud()).isEqualTo(9600);
    }

    @Test
    void unknownCommandsAndBadFramesGetErrorStatuses() {
        assertArrayEquals(SamFrames.parseHex("AA AA AA 96 69 00 04 00 00 21 25"),
                sam.receive(SamFrames.command(0x42, 0x42)).get(0));
        // The reference's wrong find-card sample: the SAM complains of a checksum error.
        assertArrayEquals(SamFrames.parseHex("AA AA AA 96 69 00 04 00 00 10 14"),
                sam.receive(SamFrames.parseHex("AA AA AA 96 69 00 03 20 01 21")).get(0));
        assertArrayEquals(SamFrames.parseHex("AA AA AA 96 69 00 04 00 00 11 15"),
                sam.receive(SamFrames.parseHex("AA AA AA 96 69 FF FF")).get(0));
    }

    @Test
    void commandsMayArriveInPieces() {
        byte[] f = SamCommand.SAM_STATUS.frame();
        assertThat(sam.receive(f, 0, 4)).isEmpty();
        assertThat(sam.receive(f, 4, 5)).isEmpty();
        assertThat(sam.receive(f, 9, 1)).hasSize(1);
    }

    @Test
    void aCardThatCannotExistCannotBePlaced() {
        assertThatThrownBy(() -> sam.place(TextBlockTest.withAddress(FictionalCards.OUYANG_ELDER, "桐".repeat(36))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sam.hasCard()).isFalse();
    }

    @Test
    void thePhotoCarriesAPlantedFrameThatTheDecoderIgnores() {
        byte[] photo = SimulatedSam.fakePhoto("x");
        assertThat(new SamFrameDecoder().feed(photo)).hasSize(1); // on its own it is a frame…
        sam.place(FictionalCards.LAI_JIAJIA);
        ask(SamCommand.FIND_CARD);
        ask(SamCommand.SELECT_CARD);
        // …inside a read response it is photo data.
        assertThat(new SamFrameDecoder().feed(ask(SamCommand.READ_TEXT_PHOTO))).hasSize(1)
                .allSatisfy(f -> assertThat(f.bodyLength()).isEqualTo(1287));
    }
}
