package org.onetrip.kiosk.ui;

import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;

/** Shows one screen at a time in the content area, and rebuilds it when asked (language switch). */
public final class Navigator {
    private final StackPane content;
    private final ReadOnlyObjectWrapper<Screen> current = new ReadOnlyObjectWrapper<>();
    private Supplier<Screen> home;
    private java.util.function.Consumer<Screen> onShown = s -> { };

    public Navigator(StackPane content) {
        this.content = content;
    }

    public void setHome(Supplier<Screen> home) {
        this.home = home;
    }

    /** Told each time a screen is shown or rebuilt, once it is on screen (speech hooks in here). */
    public void setOnShown(java.util.function.Consumer<Screen> onShown) {
        this.onShown = onShown;
    }

    public void show(Screen screen) {
        Screen old = current.get();
        if (old != null) {
            old.dispose();
        }
        Parent view = screen.build();
        view.setId(screen.id());
        view.getStyleClass().add("screen");
        attach(view);
        current.set(screen);
        onShown.accept(screen);
        view.requestFocus();
        // Focus the first focusable control so Tab, arrows and Enter work without touching first.
        javafx.application.Platform.runLater(() -> view.lookupAll(".button").stream()
                .filter(n -> n.isFocusTraversable() && !n.isDisabled()).findFirst().ifPresent(javafx.scene.Node::requestFocus));
    }

    /**
     * Takes the current screen away (disposed, nothing shown) before the session it shows is
     * wiped: a language reset that follows then has nothing to rebuild from a wiped session.
     * The caller shows the next screen at once, in the same pulse.
     */
    public void leave() {
        Screen old = current.get();
        if (old != null) {
            old.dispose();
        }
        current.set(null);
        content.getChildren().clear();
    }

    /** Back to the home screen; the caller wipes the session first. */
    public void home() {
        show(home.get());
    }

    public void rebuild() {
        Screen s = current.get();
        if (s != null) {
            Parent view = s.build();
            view.setId(s.id());
            view.getStyleClass().add("screen");
            attach(view);
            onShown.accept(s);
        }
    }

    /**
     * Puts the view on screen and applies CSS at once: controls get their skins now, not at the
     * next pulse, so what a scroll pane holds is in the scene graph as soon as the screen is
     * (before, a screen rebuilt by a status change had no content inside its scroll panes until
     * the next frame, and a look-up in between found nothing).
     */
    private void attach(Parent view) {
        content.getChildren().setAll(view);
        if (view.getScene() != null) {
            view.applyCss();
        }
    }

    public Screen current() {
        return current.get();
    }

    public ReadOnlyObjectProperty<Screen> currentProperty() {
        return current.getReadOnlyProperty();
    }
}
