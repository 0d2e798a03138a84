package org.onetrip.kiosk.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.css.Stylesheet;

/**
 * Run by the build (kiosk/pom.xml, at compile, after the compiler): writes the elders' mode's scaled
 * sheets ({@link EldersStyle#generated}), then each stylesheet of a folder also in
 * JavaFX's binary form, {@code kiosk.css} to {@code kiosk.bss} beside it. JavaFX loads the
 * {@code .bss} in place of a {@code .css} of the same name without parsing it (StyleManager,
 * {@code binary.css}): kiosk.css loads in 0.03 s instead of 0.11 s at a cold start (issue 13).
 * The {@code .css} stays the source a person edits; a build makes its {@code .bss} again, and
 * {@code BinaryStylesheetsTest} fails on one that no longer matches (an IDE that copies resources
 * without Maven's compile leaves the old {@code .bss} in target/classes: build with mvn).
 */
public final class BinaryStylesheets {
    private BinaryStylesheets() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BinaryStylesheets FOLDER");
        }
        Path folder = Path.of(args[0]);
        // The elders' mode's scaled sheets first, from the sheets here, so they are made binary too.
        for (java.util.Map.Entry<String, String> g : EldersStyle.generated(p -> {
            try {
                return Files.readString(folder.resolve(p.substring(p.lastIndexOf('/') + 1)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).entrySet()) {
            Files.writeString(folder.resolve(g.getKey()), g.getValue());
        }
        int n = 0;
        try (DirectoryStream<Path> css = Files.newDirectoryStream(Path.of(args[0]), "*.css")) {
            for (Path source : css) {
                File binary = binaryOf(source).toFile();
                Stylesheet.convertToBinary(source.toFile(), binary);
                n++;
            }
        }
        System.out.println("binary stylesheets: " + n + " written in " + args[0]);
    }

    /** {@code x.css} to {@code x.bss}, the name JavaFX looks for. */
    static Path binaryOf(Path css) {
        String name = css.getFileName().toString();
        return css.resolveSibling(name.substring(0, name.length() - ".css".length()) + ".bss");
    }
}
