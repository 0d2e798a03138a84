package org.onetrip.kiosk.ui;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;

/**
 * The high-contrast theme (issue 12): black background, white and yellow text, a thick yellow focus
 * ring, as a stylesheet over kiosk.css. The profile's {@code ui.theme} picks the kiosk's look; a
 * resident's tap on home switches it for the visit ({@link Flow#highContrastProperty()}).
 */
public final class Theme {
    public static final String HIGH_CONTRAST_STYLESHEET = "/ui/high-contrast.css";
    /** On the scene's root while the high-contrast theme shows, for tests and the screenshot. */
    public static final String HIGH_CONTRAST_CLASS = "theme-high-contrast";

    private Theme() {
    }

    /** Keeps the scene's stylesheets on the theme {@code highContrast} says, now and on every change. */
    public static void follow(Scene scene, ObservableBooleanValue highContrast) {
        String sheet = Resources.url(HIGH_CONTRAST_STYLESHEET);
        Runnable apply = () -> {
            scene.getStylesheets().remove(sheet);
            scene.getRoot().getStyleClass().remove(HIGH_CONTRAST_CLASS);
            if (highContrast.get()) {
                scene.getStylesheets().add(sheet);
                scene.getRoot().getStyleClass().add(HIGH_CONTRAST_CLASS);
            }
        };
        apply.run();
        highContrast.addListener((o, was, now) -> apply.run());
    }
}
