package org.onetrip.kiosk.ime.handwriting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The handwriting fixtures (src/test/resources/handwriting: strokes of real characters, written on
 * a 400x400 pad in their usual stroke order) and the real Zinnia to read them. Without Debian's
 * libzinnia0 or its model a test is skipped with the reason, unless
 * {@code ONETRIP_TEST_NATIVE=required} (set by scripts/test, which installs both), where their
 * absence fails it.
 */
public final class HandwritingFixtures {
    /** Fixture name and the character its strokes write. */
    public static final List<String[]> ALL = List.of(
            new String[] {"yi", "一"}, new String[] {"shi", "十"}, new String[] {"ren", "人"},
            new String[] {"da", "大"}, new String[] {"kou", "口"}, new String[] {"zhong", "中"},
            new String[] {"ri", "日"}, new String[] {"shang", "上"}, new String[] {"wang", "王"},
            new String[] {"gong", "工"}, new String[] {"mu", "木"}, new String[] {"xiao", "小"});

    private HandwritingFixtures() {
    }

    /** Debian's Zinnia and model; skips (or, when required, fails) the test without them. */
    public static ZinniaRecognizer zinnia() {
        ZinniaRecognizer z = ZinniaRecognizer.open();
        requireOnline(z);
        return z;
    }

    public static void requireOnline(HandwritingRecognizer r) {
        if (r.isOnline()) {
            return;
        }
        String why = "handwriting tests need Debian's libzinnia0 and tegaki-zinnia-simplified-chinese: " + r.status();
        if ("required".equals(System.getenv("ONETRIP_TEST_NATIVE"))) {
            throw new IllegalStateException(why + ", and ONETRIP_TEST_NATIVE=required");
        }
        Assumptions.abort(why + "; ./scripts/test installs them");
    }

    public static String text(String name) {
        try (InputStream in = HandwritingFixtures.class.getResourceAsStream("/handwriting/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture handwriting/" + name + ".json");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Ink ink(String name) {
        try {
            return InkJson.parse(text(name));
        } catch (InkJson.BadInk e) {
            throw new IllegalStateException("fixture " + name + ": " + e.getMessage(), e);
        }
    }

    /** The fixture that writes {@code character}. */
    public static String nameOf(String character) {
        return ALL.stream().filter(f -> f[1].equals(character)).map(f -> f[0]).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fixture writes " + character));
    }
}
