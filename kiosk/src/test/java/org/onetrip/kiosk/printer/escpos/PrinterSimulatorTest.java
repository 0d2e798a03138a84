package org.onetrip.kiosk.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.onetrip.kiosk.printer.escpos.Bytes.hex;

import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.printer.escpos.PrinterSimulator.Condition;

class PrinterSimulatorTest {

    private static byte[] feed(PrinterSimulator sim, byte[] data) {
        return sim.receive(data, data.length);
    }

    @Test
    void answersEachConditionAsAnEpsonWould() {
        PrinterSimulator sim = new PrinterSimulator();
        byte[] ask = hex("10 04 01 10 04 02 10 04 03 10 04 04");
        assertArrayEquals(hex("12 12 12 12"), feed(sim, ask));
        sim.setCondition(Condition.PAPER_NEAR_END);
        assertArrayEquals(hex("12 12 12 1E"), feed(sim, ask));
        sim.setCondition(Condition.PAPER_OUT);
        assertArrayEquals(hex("1A 32 12 72"), feed(sim, ask));
        sim.setCondition(Condition.COVER_OPEN);
        assertArrayEquals(hex("1A 16 12 12"), feed(sim, ask));
        sim.setCondition(Condition.CUTTER_ERROR);
        assertArrayEquals(hex("1A 52 1A 12"), feed(sim, ask));
        sim.setCondition(Condition.SILENT);
        assertArrayEquals(new byte[0], feed(sim, ask));
        assertThat(sim.statusRequests()).isEqualTo(24);
        assertThat(sim.printed()).isEmpty();
    }

    @Test
    void dleEotInsideRasterDataIsData() {
        PrinterSimulator sim = new PrinterSimulator();
        // A 2-byte-wide, 2-row image whose data is 10 04 01 00.
        byte[] job = hex("1D 76 30 00 02 00 02 00 10 04 01 00 0A");
        assertArrayEquals(new byte[0], feed(sim, job));
        assertArrayEquals(job, sim.printed());
    }

    @Test
    void commandsSplitAcrossReadsAreJoined() {
        PrinterSimulator sim = new PrinterSimulator();
        assertArrayEquals(new byte[0], feed(sim, hex("41 10")));
        assertArrayEquals(hex("12"), feed(sim, hex("04 01 42")));
        assertArrayEquals(hex("41 42"), sim.printed());
    }

    @Test
    void conditionChangesPartWayThroughAJob() {
        PrinterSimulator sim = new PrinterSimulator();
        sim.changeConditionAfter(3, Condition.PAPER_OUT);
        assertArrayEquals(hex("12"), feed(sim, hex("41 42 10 04 04")));
        assertArrayEquals(hex("72"), feed(sim, hex("43 10 04 04")));
        assertThat(sim.condition()).isEqualTo(Condition.PAPER_OUT);
    }

    @Test
    void autoStatusFrameBeforeTheAnswer() {
        PrinterSimulator sim = new PrinterSimulator();
        sim.sendAutoStatusFirst(true);
        assertArrayEquals(hex("30 00 03 00 12"), feed(sim, hex("10 04 01")));
    }
}
