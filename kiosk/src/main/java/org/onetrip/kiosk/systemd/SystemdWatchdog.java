package org.onetrip.kiosk.systemd;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd the kiosk is ready and, while every liveness probe answers, that it is alive
 * ({@code WATCHDOG=1}). A hung kiosk stops answering: systemd then kills and restarts it
 * ({@code WatchdogSec=}, {@code Restart=on-failure} in the unit).
 *
 * <p>A probe says whether a part of the kiosk still responds, not whether it is healthy: a store
 * on a full disk answers (restarting would not help) while one stuck behind a lock does not. A
 * probe that blocks blocks the round, and no ping is sent: that is the point. Probes should wait
 * a bounded time themselves (the JavaFX thread's probe posts a task and waits a few seconds).
 *
 * <p>Without {@code $NOTIFY_SOCKET} (not started by systemd) it does nothing.
 */
public final class SystemdWatchdog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SystemdWatchdog.class);

    private final SdNotify notify;
    private final Duration interval;
    private final Map<String, BooleanSupplier> probes = new LinkedHashMap<>();
    private ScheduledExecutorService timer;
    private String lastFailure;

    /**
     * @param notify the socket, or null to do nothing
     * @param interval how often to ping, or null for no watchdog (READY and STATUS only)
     */
    public SystemdWatchdog(SdNotify notify, Duration interval) {
        this.notify = notify;
        this.interval = interval;
    }

    /**
     * From systemd's environment: {@code NOTIFY_SOCKET}, and {@code WATCHDOG_USEC} when the unit
     * has {@code WatchdogSec=}. Pings go at a third of the timeout, so one late round is no
     * restart. {@code WATCHDOG_PID} is not checked: under cage the service's main process is the
     * compositor, not this JVM, and the unit's {@code NotifyAccess=all} lets the JVM notify.
     */
    public static SystemdWatchdog fromEnvironment(Map<String, String> env) {
        Optional<SdNotify> notify;
        try {
            notify = SdNotify.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            log.warn("ignoring NOTIFY_SOCKET: {}", e.getMessage());
            notify = Optional.empty();
        }
        Duration interval = null;
        String usec = env.get("WATCHDOG_USEC");
        if (notify.isPresent() && usec != null && !usec.isEmpty()) {
            try {
                long us = Long.parseLong(usec);
                if (us > 0) {
                    interval = Duration.ofNanos(us * 1000 / 3);
                }
            } catch (NumberFormatException e) {
                log.warn("ignoring WATCHDOG_USEC={}: not a number", usec);
            }
        }
        return new SystemdWatchdog(notify.orElse(null), interval);
    }

    public boolean notifying() {
        return notify != null;
    }

    /** The ping interval, or empty when systemd runs no watchdog for the kiosk. */
    public Optional<Duration> interval() {
        return Optional.ofNullable(interval);
    }

    /** Adds a liveness probe, asked before every ping. */
    public synchronized void addProbe(String name, BooleanSupplier alive) {
        probes.put(name, alive);
    }

    /** Tells systemd the kiosk is up and starts pinging. */
    public synchronized void start(String status) {
        if (notify == null || timer != null) {
            return;
        }
        send("READY=1\nSTATUS=" + status);
        if (interval != null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "systemd-watchdog");
                t.setDaemon(true);
                return t;
            });
            long ms = Math.max(1, interval.toMillis());
            timer.scheduleAtFixedRate(this::pingRound, 0, ms, TimeUnit.MILLISECONDS);
            log.info("systemd watchdog: pinging every {} ms while {} answer", ms, probeNames());
        }
    }

    /**
     * One round: asks every probe and sends {@code WATCHDOG=1} only when all answered. Returns
     * whether it pinged.
     */
    public boolean pingRound() {
        Map<String, BooleanSupplier> now;
        synchronized (this) {
            now = new LinkedHashMap<>(probes);
        }
        for (Map.Entry<String, BooleanSupplier> p : now.entrySet()) {
            boolean ok;
            try {
                ok = p.getValue().getAsBoolean();
            } catch (RuntimeException e) {
                log.warn("watchdog probe {} failed", p.getKey(), e);
                ok = false;
            }
            if (!ok) {
                String failure = "watchdog probe '" + p.getKey() + "' did not answer: no ping";
                if (!failure.equals(lastFailure)) {
                    log.error(failure);
                    lastFailure = failure;
                }
                send("STATUS=" + failure);
                return false;
            }
        }
        lastFailure = null;
        return send("WATCHDOG=1");
    }

    /** A line for {@code systemctl status}. */
    public void status(String text) {
        send("STATUS=" + text);
    }

    private boolean send(String state) {
        if (notify == null) {
            return false;
        }
        try {
            notify.send(state);
            return true;
        } catch (IOException e) {
            log.warn("notifying systemd at {} failed", notify.socket(), e);
            return false;
        }
    }

    private synchronized String probeNames() {
        return probes.isEmpty() ? "(no probes)" : String.join(", ", probes.keySet());
    }

    /** Stops pinging and tells systemd the kiosk is stopping (so a slow exit is no watchdog failure). */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                // a round already asking its probes finishes before STOPPING goes out
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
            send("STOPPING=1");
        }
    }
}
