package org.onetrip.kiosk.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
                Platform.setImplicitExit(false);
                Platform.startup(() -> f.complete(null));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "fx-startup");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Runs {@code task} on a thread of its own once the toolkit is up, beside the main thread's
     * opening of the store (the CJK font: it reads fontconfig's list and the font files, and a Font
     * is no node, so any thread may make one). Without {@link #begin} it does nothing: the UI's own
     * start does the same work.
     */
    public static void whenStarted(Runnable task) {
        CompletableFuture<Void> f;
        synchronized (FxStartup.class) {
            f = started;
        }
        if (f != null) {
            f.thenRunAsync(task, r -> {
                Thread t = new Thread(r, "fx-fonts");
                t.setDaemon(true);
                t.start();
            });
        }
    }

    /**
     * Runs {@code r} on the JavaFX thread once the toolkit is up ({@link Platform#startup} when
     * {@link #begin} was not called). A toolkit that could not start throws here, as
     * {@link Platform#startup} would have.
     */
    public static void run(Runnable r) {
        CompletableFuture<Void> f;
        synchronized (FxStartup.class) {
            f = started;
        }
        if (f == null) {
            Platform.startup(r);
            return;
        }
        try {
            f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
        Platform.runLater(r);
    }
}
