package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.testing.SmallDisk;

/**
 * A disk that fills up while a resident is on the review screen: submitting shows the calm
 * out-of-service message ("new requests cannot be saved now"), never a trace, and nothing is
 * filed. The store's folder is a real 4 MB tmpfs; skipped where this process may not mount.
 */
class DiskFullUiTest extends KioskUiTestBase {
    SmallDisk disk;

    @Override
    public void start(Stage stage) {
        try {
            disk = SmallDisk.mount(data, 4 << 20);
        } catch (Exception e) {
            disk = null;
        }
        super.start(stage);
    }

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void aFullDiskAtSubmitShowsTheOutOfServiceMessageNotATrace() throws Exception {
        assumeTrue(disk != null, "this process may mount a tmpfs (root, as in CI)");
        awaitScreen("home");
        tap("#tile-opinion");
        tap("#service-hazard-report");
        awaitScreen("form");
        tap("#choice-category-road_traffic");
        tap("#phrase-location-0");
        tap("#phrase-description-1");
        tap("#choice-since-today");
        tap("#choice-danger-yes");
        tap("#next");
        awaitScreen("review");

        disk.fill(data.resolve("filler"));
        tap("#submit");

        awaitScreen("out-of-service");
        snapshot("disk-full-out-of-service");
        assertThat(text("#oos-title")).isEqualTo(ui.flow().texts().get("oos.title.store"));
        assertThat(text("#oos-still")).isEqualTo(ui.flow().texts().get("oos.still.store"));
        assertThat(allTexts()).noneMatch(s -> s.contains("Exception") || s.contains("SQLITE") || s.contains("disk")
                || s.contains("\tat "));
        assertThat(kiosk.queue().countsByOutboxState().values().stream().mapToLong(Long::longValue).sum()).isZero();
    }
}
