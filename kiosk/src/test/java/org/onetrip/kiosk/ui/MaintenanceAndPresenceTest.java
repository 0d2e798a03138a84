package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.onetrip.kiosk.ui.maintenance.MaintenanceScreen;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.io.KioskIo.Input;
import org.onetrip.kiosk.io.KioskIo.Light;
import org.onetrip.kiosk.io.SimulatedKioskIo;
import org.onetrip.kiosk.io.TamperEvent;

/** Cabinet I/O on the Pi4J mock platform through the real UI: presence, lights, the door, maintenance. */
class MaintenanceAndPresenceTest extends KioskUiTestBase {

    @Override
    List<String> overrides() {
        return List.of("ui.dim-after-s=30", "maintenance.lockout-s=300");
    }

    SimulatedKioskIo io() {
        return (SimulatedKioskIo) kiosk.kioskIo();
    }

    /**
     * Sets an input and moves the test's clock on in small steps until {@code settled}: the
     * debouncer records the edge on its own thread, so it must see time pass after that.
     */
    void sense(Input input, boolean on, String what, java.util.function.BooleanSupplier settled) {
        io().setInput(input, on);
        await(what, () -> {
            clock.advance(Duration.ofMillis(200));
            return settled.getAsBoolean();
        });
    }

    @Test
    void nobodyNearDimsTheScreenAndSomebodyWakesItAtOnce() {
        awaitScreen("home");
        sense(Input.PRESENCE, false, "presence gone", () -> !ui.flow().bridge().presenceProperty().get());
        clock.advance(Duration.ofSeconds(31));
        awaitScreen("attract");
        assertThat(lookup("#attract").query().getStyleClass()).contains("night");
        snapshot("16-night");
        // The whole window dims, not the middle panel only: the red header and the paper frame
        // stayed at full light around a black panel, as if half the screen had failed (review 3, 3).
        assertThat(meanLight(0, 0, 1280, 96)).as("the header at night").isLessThan(0.15);
        assertThat(meanLight(0, 96, 16, 704)).as("the frame's left edge at night").isLessThan(0.15);
        sense(Input.PRESENCE, true, "woken", () -> "home".equals(screen()));
        assertThat(meanLight(0, 0, 1280, 96)).as("the header by day").isGreaterThan(0.15);
    }

    /** The mean brightness (HSB value: 0 black, 1 full light) of a rectangle of the window as drawn now. */
    private double meanLight(int x, int y, int w, int h) {
        double[] sum = new double[1];
        interact(() -> {
            laidOut();
            javafx.scene.image.Image img = lookup("#kiosk").query().getScene().snapshot(null);
            javafx.scene.image.PixelReader r = img.getPixelReader();
            for (int j = y; j < y + h; j++) {
                for (int i = x; i < x + w; i++) {
                    sum[0] += r.getColor(i, j).getBrightness();
                }
            }
        });
        return sum[0] / ((double) w * h);
    }

    /** The attract screen stands for hours: its big clock keeps the time, as the header's does. */
    @Test
    void theAttractScreensClockKeepsTheTime() {
        awaitScreen("home");
        sense(Input.PRESENCE, false, "presence gone", () -> !ui.flow().bridge().presenceProperty().get());
        clock.advance(Duration.ofSeconds(31));
        awaitScreen("attract");
        String shown = text("#attract-time");
        clock.advance(Duration.ofMinutes(7));
        String later = java.time.LocalTime.now(clock).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
        assertThat(later).isNotEqualTo(shown);
        await("the attract clock at " + later,
                () -> later.equals(((javafx.scene.control.Label) lookup("#attract-time").query()).getText()));
        await("the header's clock alike", () -> later.equals(((javafx.scene.control.Label) lookup("#clock").query()).getText()));
    }

    @Test
    void lightsFollowTheVisitAndTheDevices() {
        awaitScreen("home");
        await("ready light", () -> io().isLit(Light.READY) && !io().isLit(Light.BUSY));
        tap("#tile-opinion");
        tap("#service-hazard-report");
        awaitScreen("form");
        await("busy light", () -> io().isLit(Light.BUSY));
        printer().setCondition(org.onetrip.kiosk.printer.SimulatedReceiptPrinter.Condition.PAPER_OUT);
        clock.advance(Duration.ofSeconds(11)); // the lights are refreshed every 10 s
        await("attention light", () -> io().isLit(Light.ATTENTION));
        tap("#home");
        awaitScreen("home");
        await("busy light off", () -> !io().isLit(Light.BUSY));
    }

    @Test
    void theDoorRaisesAnAlarmAndOnlyTheRightPinOpensMaintenance() {
        awaitScreen("home");
        sense(Input.TAMPER, true, "door alarm",
                () -> kiosk.tamperLog().recentEvents().stream().anyMatch(e -> e.kind() == TamperEvent.Kind.OPENED));

        for (int i = 0; i < 5; i++) {
            clickOn("#header-centre");
        }
        awaitScreen("pin");
        assertThat(text("#pin-message")).contains("set-pin");
        interact(() -> Wiring.pinVault(kiosk.config(), clock).setPin("135790"));
        for (int i = 0; i < 4; i++) {
            typeOnPad("111111");
            clickOn("#pin-ok");
            assertThat(text("#pin-message")).isEqualTo("密码错误");
        }
        typeOnPad("111111");
        clickOn("#pin-ok");
        assertThat(text("#pin-message")).contains("错误次数过多");
        typeOnPad("135790");
        clickOn("#pin-ok");
        assertThat(text("#pin-message")).contains("错误次数过多"); // locked: even the right PIN
        assertOnScreen("pin");

        clock.advance(Duration.ofSeconds(301)); // the lockout passes (and the idle timeout takes the screen home)
        awaitScreen("home");
        for (int i = 0; i < 5; i++) {
            clickOn("#header-centre");
        }
        awaitScreen("pin");
        typeOnPad("135790");
        clickOn("#pin-ok");
        awaitScreen("maintenance");
        snapshot("17-maintenance");
        // In the kiosk's language, with the code the journal and `kiosk status` print.
        assertThat(text("#maint-idcard")).isEqualTo("正常（ONLINE）");
        assertThat(allTexts()).contains("读卡器（idcard）").anyMatch(s -> s.endsWith("柜门打开 (OPENED)"))
                .noneMatch(s -> s.equals("idcard") || s.equals("ONLINE"));
        tap("#maint-print");
        await("test page printed", () -> text("#maint-result").startsWith("测试页已打印"));
        // A cable pulled and put back shows on this screen within seconds, with no restart.
        reader().setConnected(false);
        await("reader shown offline", () -> text("#maint-idcard").startsWith("不能用") && text("#maint-idcard").contains("OFFLINE"));
        reader().setConnected(true);
        await("reader shown online again", () -> text("#maint-idcard").contains("ONLINE"));

        // Restart and exit end the kiosk for everyone: the first tap only asks, in words.
        tap("#maint-exit");
        assertThat(exits).isEmpty();
        assertThat(text("#maint-exit")).isEqualTo("再点一次，确认退出");
        assertThat(text("#maint-result")).contains("不会自己恢复").contains("10 秒内");
        assertWholeTextShown("#maint-result");
        tap("#maint-restart"); // the other one asks for itself, and the first is asked again
        assertThat(text("#maint-exit")).isEqualTo("退出到桌面");
        assertThat(text("#maint-restart")).isEqualTo("再点一次，确认重启");
        assertThat(exits).isEmpty();
        clock.advance(Duration.ofSeconds(11)); // too late: this tap asks again
        tap("#maint-restart");
        assertThat(exits).isEmpty();
        snapshot("17-maintenance-confirm");
        assertWholeTextShown("#maint-result");
        tap("#maint-restart");
        await("the restart asked for", () -> exits.equals(List.of(MaintenanceScreen.EXIT_RESTART)));
        tap("#finish");
        awaitScreen("home");
    }
}
