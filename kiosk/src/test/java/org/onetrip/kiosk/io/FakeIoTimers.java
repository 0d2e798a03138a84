package org.onetrip.kiosk.io;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.onetrip.kiosk.testing.MutableClock;

/**
 * The I/O thread for tests: tasks run on the test's thread, timed ones when the test moves the
 * clock past them. No waiting, no sleeping: debounce tests decide by the clock alone.
 */
final class FakeIoTimers implements IoTimers {
    private record Timed(Instant at, long seq, Runnable task) {
    }

    private final MutableClock clock;
    private final PriorityQueue<Timed> timed = new PriorityQueue<>(
            Comparator.comparing(Timed::at).thenComparingLong(Timed::seq));
    private long seq;
    private boolean closed;

    FakeIoTimers(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(Runnable task) {
        if (!closed) {
            task.run();
        }
    }

    @Override
    public void scheduleAt(Instant at, Runnable task) {
        if (!closed) {
            timed.add(new Timed(at, seq++, task));
        }
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    /** Moves the clock by {@code d}, running each timed task at its time, in order. */
    void advance(Duration d) {
        Instant end = clock.instant().plus(d);
        while (!timed.isEmpty() && !timed.peek().at().isAfter(end)) {
            Timed t = timed.poll();
            if (t.at().isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), t.at()));
            }
            t.task().run();
        }
        clock.advance(Duration.between(clock.instant(), end));
    }

    int pending() {
        return timed.size();
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        timed.clear();
    }
}
