package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every screen text exists in both languages, with the same placeholders. */
class MessagesTest {

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (var in = MessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() throws Exception {
        Properties zh = load("messages_zh_CN.properties");
        Properties en = load("messages_en.properties");

        assertThat(new TreeSet<>(zh.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        for (String key : zh.stringPropertyNames()) {
            String z = zh.getProperty(key);
            String e = en.getProperty(key);
            assertThat(z).as(key).isNotBlank();
            assertThat(e).as(key).isNotBlank();
            assertThat(new MessageFormat(z).getFormats().length).as(key).isEqualTo(new MessageFormat(e).getFormats().length);
        }
    }

    @Test
    void everyStatusHasItsWordsAndItsNextStep() throws Exception {
        for (String file : new String[] {"messages_zh_CN.properties", "messages_en.properties"}) {
            Properties p = load(file);
            for (var s : org.onetrip.kiosk.request.RequestStatus.values()) {
                assertThat(p.getProperty("request.status." + s.wire())).as(file + " " + s).isNotBlank();
                assertThat(p.getProperty("status.next." + s.wire())).as(file + " " + s).isNotBlank();
            }
        }
    }
}
