package org.onetrip.kiosk.bench;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The baseline of the start-up benchmark: a bare JavaFX "hello" window, started as the kiosk is.
 * With the argument {@code rss} it is the memory baseline instead: it stays up for a second of
 * frames, then prints its resident set and its heap after a full collection, as SoakBench does.
 */
public final class HelloFx {
    private HelloFx() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("rss")) {
            rss();
            return;
        }
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new Label("hello"), 1280, 800));
            stage.show();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    System.out.println("READY");
                    System.out.flush();
                    stage.hide();
                    done.countDown();
                }
            }.start();
        });
        done.await();
        Platform.exit();
        System.exit(0);
    }

    private static void rss() throws Exception {
        java.util.concurrent.CountDownLatch frames = new java.util.concurrent.CountDownLatch(60);
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new Label("hello"), 1280, 800));
            stage.show();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    frames.countDown();
                    if (frames.getCount() == 0) {
                        stop();
                    }
                }
            }.start();
        });
        frames.await(60, java.util.concurrent.TimeUnit.SECONDS);
        double heap = SoakBench.fullGcHeapMiB();
        System.out.printf(java.util.Locale.ROOT, "bare JavaFX window: RSS %.1f MiB, heap after GC %.1f MiB%n",
                SoakBench.rssMiB(), heap);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
