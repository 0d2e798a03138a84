package org.onetrip.kiosk.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.scanner.KeystrokeBursts.Outcome;

/** A keyboard-mode scanner told from a person, keystroke by keystroke, with time passed in. */
class KeystrokeBurstsTest {
    private static final long MS = 1_000_000L;
    private static final String URL = "http://127.0.0.1:8311/status/q1HZQ8fmDXlQaiKvNxqYbTpZ";

    private final KeystrokeBursts b = new KeystrokeBursts(Duration.ofMillis(50), 8, 512);

    /** Types {@code s} from {@code startMs}, one key every {@code gapMs}; returns the time of the last key. */
    private long type(String s, long startMs, long gapMs) {
        long t = startMs;
        for (char c : s.toCharArray()) {
            assertThat(b.typed(c, t * MS)).isEqualTo(new Outcome(0, 0, null, false, null));
            t += gapMs;
        }
        return t - gapMs;
    }

    @Test
    void aBurstEndingInEnterIsAScanWhoseKeysAndEnterAreTakenOut() {
        long last = type(URL, 0, 4);

        assertThat(b.enter((last + 4) * MS)).isEqualTo(new Outcome(0, URL.length(), URL, true, null));
        assertThat(b.held()).isZero();
    }

    @Test
    void aScannerTypingEveryFiftyMillisecondsIsStillAScanButOneMoreIsNot() {
        long last = type(URL, 0, 50);
        assertThat(b.enter((last + 50) * MS).scan()).isEqualTo(URL);

        b.typed('a', 10_000 * MS);
        assertThat(b.typed('b', 10_000 * MS + 50 * MS + 1)).isEqualTo(new Outcome(1, 0, null, false, null));
    }

    @Test
    void aPersonsKeysAreReleasedOneByOneAsTheGapPasses() {
        assertThat(b.typed('1', 0)).isEqualTo(new Outcome(0, 0, null, false, null));
        assertThat(b.expire(50 * MS)).isEqualTo(new Outcome(0, 0, null, false, null));
        assertThat(b.expire(51 * MS)).isEqualTo(new Outcome(1, 0, null, false, null));
        assertThat(b.typed('3', 180 * MS)).isEqualTo(new Outcome(0, 0, null, false, null));
        assertThat(b.typed('8', 330 * MS)).isEqualTo(new Outcome(1, 0, null, false, null)); // the '3'
        assertThat(b.held()).isEqualTo(1);
        // Enter after a pause: the '8' is typing, and the Enter is the person's.
        assertThat(b.enter(600 * MS)).isEqualTo(new Outcome(1, 0, null, false, null));
    }

    @Test
    void aFewQuickKeysAndEnterAreAPersonsToo() {
        long last = type("ok", 0, 20);
        assertThat(b.enter((last + 20) * MS)).isEqualTo(new Outcome(2, 0, null, false, null));
    }

    @Test
    void aFastBurstWithoutEnterIsDroppedNotTyped() {
        long last = type(URL, 0, 3);
        assertThat(b.expire((last + 40) * MS)).isEqualTo(new Outcome(0, 0, null, false, null));
        Outcome o = b.expire((last + 51) * MS);
        assertThat(o.release()).isZero();
        assertThat(o.drop()).isEqualTo(URL.length());
        assertThat(o.scan()).isNull();
        assertThat(o.dropReason()).contains("without Enter");
    }

    @Test
    void anEnterThatComesLateAfterAFastBurstIsStillTheScannersAndIsSwallowed() {
        long last = type(URL, 0, 3);
        Outcome o = b.enter((last + 80) * MS);
        assertThat(o.drop()).isEqualTo(URL.length());
        assertThat(o.swallowKey()).isTrue();
        assertThat(o.scan()).isNull();
    }

    @Test
    void aBurstLongerThanTheLimitIsDroppedWithItsEnter() {
        String longer = "x".repeat(513);
        long last = type(longer, 0, 1);
        Outcome o = b.enter((last + 1) * MS);
        assertThat(o).isEqualTo(new Outcome(0, 513, null, true, "longer than 512 characters"));
    }

    @Test
    void backspaceOrTabReleasesWhatAPersonTypedSoFar() {
        type("ab", 0, 20);
        assertThat(b.interrupt(30 * MS)).isEqualTo(new Outcome(2, 0, null, false, null));
        assertThat(b.interrupt(40 * MS)).isEqualTo(new Outcome(0, 0, null, false, null));
    }

    @Test
    void typingRightAfterAScanStartsAfresh() {
        long last = type(URL, 0, 2);
        assertThat(b.enter((last + 2) * MS).scan()).isEqualTo(URL);
        assertThat(b.typed('7', (last + 500) * MS)).isEqualTo(new Outcome(0, 0, null, false, null));
        assertThat(b.expire((last + 600) * MS)).isEqualTo(new Outcome(1, 0, null, false, null));
    }
}
