package org.onetrip.kiosk.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit on a thread of its own as soon as the kiosk knows it will show its UI,
 * so that the toolkit's start (native libraries, the window system, the graphics pipeline) runs
 * beside the reading of the profile, the log's set-up, the catalogue and the store instead of
 * after them: a Pi 4 has four cores, and a watchdog restart should show the home screen fast
 * (issue 13, cold start).
 */
public final class FxStartup {
    private static CompletableFuture<Void> started;

    private FxStartup() {
    }

    /** Starts the toolkit in the background; harmless if called twice. */
    public static synchronized void begin() {
        if (started != null) {
            return;
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        started = f;
        Thread t = new Thread(() -> {
            try {
                Platform.startup(() -> {
                    Platform.setImplicitExit(false);
                    f.complete(null);
                });
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "fx-startup");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Runs {@code task} on a thread of its own, named {@code thread}, once the toolkit is up, beside
     * the main thread's opening of the store (the CJK font: it reads font files, and a Font is no
     * node, so any thread may make one). Without {@link #begin} it does nothing: the UI's own start
     * then does the same work.
     */
    public static void whenStarted(String thread, Runnable task) {
        CompletableFuture<Void> f;
        synchronized (FxStartup.class) {
            f = started;
        }
        if (f != null) {
            f.thenRunAsync(task, r -> {
                Thread t = new Thread(r, thread);
                t.setDaemon(true);
                t.start();
            });
        }
    }

    /** How long the kiosk waits for the toolkit (the display) before it gives up and exits. */
    static final long START_TIMEOUT_S = Long.getLong("kiosk.fx-start-timeout-s", 120);

    /**
     * Runs {@code r} on the JavaFX thread once the toolkit is up ({@link Platform#startup} when
     * {@link #begin} was not called). A toolkit that could not start throws here, as
     * {@link Platform#startup} would have; one that has not started after
     * {@link #START_TIMEOUT_S} seconds (a display that never answers, a Glass platform that
     * failed and left JavaFX waiting) throws too, so the kiosk exits and systemd starts it again
     * instead of a process that waits for ever behind a black screen.
     */
    public static void run(Runnable r) {
        CompletableFuture<Void> f;
        synchronized (FxStartup.class) {
            f = started;
        }
        if (f == null) {
            Platform.startup(() -> {
                Platform.setImplicitExit(false);
                r.run();
            });
            return;
        }
        try {
            f.get(START_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new StartFailed("JavaFX did not start in " + START_TIMEOUT_S + " s", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartFailed("interrupted while JavaFX started", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new StartFailed("JavaFX failed: " + c.getClass().getSimpleName() + ": " + c.getMessage(), c);
        }
        Platform.runLater(r);
    }

    /** The toolkit, and so the touch screen, could not start; the message says what the technician checks. */
    public static final class StartFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StartFailed(String why, Throwable cause) {
            super("the touch screen could not start (" + why + "); check the display: glass.platform="
                    + System.getProperty("glass.platform", "default") + ", DISPLAY=" + System.getenv().getOrDefault("DISPLAY", "unset")
                    + ", WAYLAND_DISPLAY=" + System.getenv().getOrDefault("WAYLAND_DISPLAY", "unset"), cause);
        }
    }
}
