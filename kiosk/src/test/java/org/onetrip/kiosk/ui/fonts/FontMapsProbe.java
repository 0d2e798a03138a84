package org.onetrip.kiosk.ui.fonts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.onetrip.kiosk.ui.Fonts;

/**
 * A JVM of its own that starts the toolkit as the kiosk does, with a faces folder or without
 * ("-"), draws a regular and a bold CJK label, and prints the fonts they got and the font files
 * the process maps (FontFacesTest reads it).
 */
public final class FontMapsProbe {
    public static void main(String[] args) throws Exception {
        if (!args[0].equals("-")) {
            Fonts.useFacesIn(Path.of(args[0]));
        }
        CompletableFuture<String> drawn = new CompletableFuture<>();
        Platform.startup(() -> {
            Fonts.loadBundled();
            Label regular = new Label("请取走回执 Ticket");
            regular.setStyle("-fx-font-family: 'Noto Sans CJK SC'; -fx-font-size: 30px;");
            Label bold = new Label("民生保障 D-017");
            bold.setStyle("-fx-font-family: 'Noto Sans CJK SC'; -fx-font-weight: bold; -fx-font-size: 30px;");
            Stage s = new Stage();
            s.setScene(new Scene(new VBox(regular, bold), 400, 200));
            s.show();
            // Two pulses: the labels are styled and drawn.
            Platform.runLater(() -> Platform.runLater(() -> drawn.complete(regular.getFont().getName() + "|" + bold.getFont().getName())));
        });
        String fonts = drawn.get(60, TimeUnit.SECONDS);
        Map<String, Integer> maps = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            String name = line.substring(line.lastIndexOf(' ') + 1);
            if (name.matches(".*\\.(ttc|ttf|otf)")) {
                maps.merge(Path.of(name).getFileName().toString(), 1, Integer::sum);
            }
        }
        System.out.println("FONTS " + fonts);
        maps.forEach((k, v) -> System.out.println("MAP " + k + " " + v));
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
