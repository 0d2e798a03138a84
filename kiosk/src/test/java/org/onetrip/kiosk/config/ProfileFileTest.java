package org.onetrip.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile file is read as java.util.Properties reads it, but strictly. */
class ProfileFileTest {
    @TempDir
    Path dir;

    private static Map<String, ProfileFile.Entry> parse(String text) {
        return ProfileFile.parse(text.getBytes(StandardCharsets.UTF_8), "site.properties");
    }

    @Test
    void aKeyGivenTwiceIsRefusedWithBothLineNumbers() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse("""
                # site profile
                kiosk.id=tc-01
                printer.device=sim

                printer.device = serial:/dev/kiosk-printer
                """));
        assertThat(e.key()).isEqualTo("printer.device");
        assertThat(e).hasMessage("site.properties: key 'printer.device' is given twice, on line 3 and on line 5; keep one");
    }

    @Test
    void linesAreCountedAsPropertiesCountsThemAndValuesAreTheSame() throws Exception {
        String text = "a = 1\r\n! comment\n  # comment\nlong = one, \\\n      two\nb:2\rc \\u6850\\u57ce\nd\n";
        Map<String, ProfileFile.Entry> m = parse(text);
        assertThat(m).containsOnlyKeys("a", "long", "b", "c", "d");
        assertThat(m.get("long")).isEqualTo(new ProfileFile.Entry("one, two", 4));
        assertThat(m.get("b").line()).isEqualTo(6);
        assertThat(m.get("c")).isEqualTo(new ProfileFile.Entry("桐城", 7));
        assertThat(m.get("d")).isEqualTo(new ProfileFile.Entry("", 8));
        java.util.Properties p = new java.util.Properties();
        p.load(new java.io.StringReader(text));
        m.forEach((k, v) -> assertThat(v.value()).isEqualTo(p.getProperty(k).trim()));
        // A duplicate after a continuation line is found on the line it starts on.
        assertThat(catchThrowableOfType(ConfigException.class, () -> parse(text + "long=x\n")))
                .hasMessageContaining("on line 4 and on line 9");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirLine() {
        // GBK's 城 (0xB3 0xC7); its 桐 (0xCD 0xA9) happens to be valid UTF-8.
        byte[] gbk = "centre.name.zh-CN=\u57ce".getBytes(java.nio.charset.Charset.forName("GBK"));
        byte[] file = new byte[4 + gbk.length];
        System.arraycopy("a=1\n".getBytes(StandardCharsets.US_ASCII), 0, file, 0, 4);
        System.arraycopy(gbk, 0, file, 4, gbk.length);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ProfileFile.parse(file, "site.properties"));
        assertThat(e).hasMessageStartingWith("site.properties: line 2, column 19 (byte 22): byte 0xB3 is not UTF-8");
    }

    @Test
    void invisibleCharactersInAValueOrAKeyAreRefusedWithTheirLine() {
        assertThat(catchThrowableOfType(ConfigException.class, () -> parse("a=1\ncentre.name.en=Centre\\u202E\n")))
                .hasMessage("site.properties: line 2: key 'centre.name.en': character 7 is U+202E RIGHT-TO-LEFT OVERRIDE, which is not allowed");
        assertThat(catchThrowableOfType(ConfigException.class, () -> parse("kiosk\u200B.id=x\n")))
                .hasMessageContaining("line 1").hasMessageContaining("U+200B");
    }

    @Test
    void theCommandLineRefusesADuplicateInTheProfileFileWithExit2(@TempDir Path data) throws Exception {
        Path p = dir.resolve("site.properties");
        String bundled = new String(KioskConfig.class.getResourceAsStream(KioskConfig.DEFAULT_PROFILE).readAllBytes(),
                StandardCharsets.UTF_8);
        Files.writeString(p, bundled + "\nkiosk.id=again\n");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> KioskConfig.load(p, List.of()));
        assertThat(e.key()).isEqualTo("kiosk.id");
        assertThat(e).hasMessageContaining(p.toString()).hasMessageContaining("is given twice");
    }
}
