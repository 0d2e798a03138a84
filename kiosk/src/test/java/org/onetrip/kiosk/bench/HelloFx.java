package org.onetrip.kiosk.bench;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The baseline of the start-up benchmark: a bare JavaFX "hello" window, started as the kiosk is. */
public final class HelloFx {
    private HelloFx() {
    }

    public static void main(String[] args) throws Exception {
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
}
