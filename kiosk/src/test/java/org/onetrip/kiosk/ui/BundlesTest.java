package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.catalog.FieldError;
import org.onetrip.kiosk.filing.FilingException;
import org.onetrip.kiosk.idcard.CardCheck;
import org.onetrip.kiosk.idcard.Sex;
import org.onetrip.kiosk.request.RequestStatus;

/** Every string on screen exists in both languages, including keys built from enum values. */
class BundlesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = BundlesTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> zh = new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        assertThat(zh).isEqualTo(en);
        assertThat(zh).hasSizeGreaterThan(100);
    }

    @Test
    void noTextIsEmptyAndBothLanguagesTakeTheSamePlaceholders() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        Properties en = load("messages_en.properties");
        for (String key : zh.stringPropertyNames()) {
            assertThat(zh.getProperty(key)).as(key).isNotBlank();
            assertThat(en.getProperty(key)).as(key).isNotBlank();
            assertThat(new java.text.MessageFormat(zh.getProperty(key)).getFormats())
                    .as(key).hasSameSizeAs(new java.text.MessageFormat(en.getProperty(key)).getFormats());
        }
    }

    /** The kiosk's CJK font draws ’ full width ("agent’ s"); MessageFormat drops a lone ' in a pattern. */
    @Test
    void englishApostrophesAreDrawnNarrowAndSurviveFormatting() throws IOException {
        Properties en = load("messages_en.properties");
        for (String k : en.stringPropertyNames()) {
            String v = en.getProperty(k);
            assertThat(v).as(k).doesNotContain("\u2019");
            if (v.matches("(?s).*\\{\\d.*")) {
                assertThat(v.replace("''", "")).as(k + " is a MessageFormat pattern: write '' for an apostrophe").doesNotContain("'");
            }
        }
    }

    @Test
    void everyLiteralKeyTheScreensAskForExists() throws IOException {
        Set<String> keys = load("messages_en.properties").stringPropertyNames();
        Pattern get = Pattern.compile("\\bt(?:exts\\(\\))?\\.get\\(\"([a-z0-9.\\-_]+)\"");
        Set<String> asked = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/onetrip/kiosk/ui"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = get.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) { // a prefix completed from a value: checked below
                        asked.add(m.group(1));
                    }
                }
            }
        }
        assertThat(asked).hasSizeGreaterThan(50);
        assertThat(keys).containsAll(asked);
    }

    @Test
    void keysBuiltFromValuesExist() throws IOException {
        Set<String> keys = load("messages_zh_CN.properties").stringPropertyNames();
        for (CardCheck.Rejection r : CardCheck.Rejection.values()) {
            assertThat(keys).contains("identify.error." + r.name().toLowerCase(Locale.ROOT));
        }
        for (FieldError.Kind k : FieldError.Kind.values()) {
            assertThat(keys).contains("field.error." + k.name().toLowerCase(Locale.ROOT));
        }
        for (RequestStatus s : RequestStatus.values()) {
            assertThat(keys).contains("request.status." + s.wire(), "status.next." + s.wire());
        }
        for (FilingException.Reason r : FilingException.Reason.values()) {
            assertThat(keys).contains("review.error." + r.name().toLowerCase(Locale.ROOT));
        }
        for (Sex s : Sex.values()) {
            assertThat(keys).contains("identity.sex." + s.name().toLowerCase(Locale.ROOT));
        }
        for (String d : new String[] {"idcard", "printer", "scanner", "store", "other"}) {
            assertThat(keys).contains("oos.title." + d, "oos.still." + d);
        }
    }
}
