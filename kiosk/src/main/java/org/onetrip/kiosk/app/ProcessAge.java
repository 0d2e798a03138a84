package org.onetrip.kiosk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long ago this process started, from {@code /proc}: its start in clock ticks since boot
 * ({@code /proc/self/stat}, field 22; proc(5)) against the time since boot ({@code /proc/uptime}).
 * {@code ProcessHandle.info().startInstant()} counts from the boot time in whole seconds, so it is
 * off by up to a second, differently at every boot. Ticks are USER_HZ, 100 on Linux (times(2)).
 */
public final class ProcessAge {
    private static final long TICKS_PER_SECOND = 100;

    private ProcessAge() {
    }

    /** Milliseconds since this process started (10 ms steps), or -1 where /proc cannot tell. */
    public static long millis() {
        try {
            return millis(Files.readString(Path.of("/proc/self/stat")), Files.readString(Path.of("/proc/uptime")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** From the two files' texts; -1 when either does not parse. */
    static long millis(String stat, String uptime) {
        // The command's name (field 2) is in parentheses and may itself hold spaces and ')'.
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 > stat.length()) {
            return -1;
        }
        String[] f = stat.substring(close + 2).trim().split(" ");
        String[] u = uptime.trim().split(" ");
        if (f.length < 20 || u.length < 1) {
            return -1;
        }
        try {
            long startTicks = Long.parseLong(f[19]); // field 22; f[0] is field 3 (the state)
            long upMillis = Math.round(Double.parseDouble(u[0]) * 1000);
            long age = upMillis - startTicks * 1000 / TICKS_PER_SECOND;
            return age < 0 ? -1 : age;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
