package org.onetrip.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The process's age from /proc: field 22 of its stat against the uptime, whatever its name holds. */
class ProcessAgeTest {
    // A real line's shape (proc(5)): pid (comm) state ppid ... starttime is field 22.
    private static final String STAT = "4242 (java) S 1 4242 4242 0 -1 4194560 31050 0 12 0 "
            + "95 20 0 0 20 0 38 0 123456 5390000000 60000 18446744073709551615 1 1 0 0 0 0 0 4096 17663 0 0 0 17 1 0 0 0 0 0";

    @Test
    void theAgeIsTheUptimeLessTheStartInTicks() {
        // Started 1,234.56 s after boot (123,456 ticks), now 1,236.00 s: 1.44 s old.
        assertThat(ProcessAge.millis(STAT, "1236.00 4000.12\n")).isEqualTo(1_440);
    }

    @Test
    void aNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        String odd = STAT.replace("(java)", "(a b) (c)");
        assertThat(ProcessAge.millis(odd, "1236.00 4000.12")).isEqualTo(1_440);
    }

    @Test
    void whatDoesNotParseIsMinusOne() {
        assertThat(ProcessAge.millis("garbage", "1.0 2.0")).isEqualTo(-1);
        assertThat(ProcessAge.millis(STAT, "soon")).isEqualTo(-1);
        assertThat(ProcessAge.millis(STAT.substring(0, 40), "1236.00 1")).isEqualTo(-1);
        assertThat(ProcessAge.millis(STAT, "1000.00 1")).isEqualTo(-1); // before its own start
    }

    @Test
    void thisProcessIsSomeSecondsOldNotYearsNorNegative() {
        long age = ProcessAge.millis();
        assertThat(age).isBetween(1L, 24L * 3600 * 1000);
    }
}
