package org.onetrip.kiosk.bench;

import java.util.Arrays;

/** Percentiles of measured durations, in milliseconds. */
final class Stats {
    private Stats() {
    }

    static double percentile(long[] nanos, double p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
    }

    static double median(long[] nanos) {
        return percentile(nanos, 50);
    }
}
