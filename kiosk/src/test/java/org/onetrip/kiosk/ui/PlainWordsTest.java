package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * What a resident reads is in words a villager uses, not the office's (issue 10: "请放置办事群众的身份证"
 * spoke of the resident as "the masses doing business"). Every Chinese text on a resident's screen
 * in the service catalogue and on the printed receipt is checked for the office terms below; the
 * maintenance screen is the technician's and is left out.
 */
class PlainWordsTest {
    /** Office terms, each with the plain words used instead. */
    static final List<String> OFFICE_TERMS = List.of(
            "办事群众", // → 办事人, 您, 托您办事的那个人
            "事项", // → 事, 要办的事
            "受理", // → 接手
            "办结", // → 办好
            "未予", // → 没能
            "人工窗口", // → 服务中心窗口找工作人员
            "校验", // → 号码对不上
            "必填", // → 一定要填
            "匿名", // → 不留名
            "办理", // → 办, 来办, 办到哪一步了
            "予以", "须知");

    @Test
    void screenTextsSayItPlainly() throws IOException {
        Properties zh = new Properties();
        try (InputStream in = PlainWordsTest.class.getResourceAsStream("/i18n/messages_zh_CN.properties")) {
            zh.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> found = new ArrayList<>();
        for (String key : zh.stringPropertyNames()) {
            if (key.startsWith("maintenance.")) {
                continue;
            }
            for (String term : OFFICE_TERMS) {
                if (zh.getProperty(key).contains(term)) {
                    found.add(key + " says " + term + ": " + zh.getProperty(key));
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theReceiptSaysItPlainlyToo() throws IllegalAccessException {
        List<String> found = new ArrayList<>();
        for (java.lang.reflect.Field f : org.onetrip.kiosk.printer.escpos.ReceiptLayout.class.getDeclaredFields()) {
            if (f.getType() != org.onetrip.kiosk.catalog.LocalizedText.class
                    || !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            String zh = ((org.onetrip.kiosk.catalog.LocalizedText) f.get(null)).zh();
            for (String term : OFFICE_TERMS) {
                if (zh.contains(term)) {
                    found.add("ReceiptLayout." + f.getName() + " says " + term + ": " + zh);
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCatalogueSaysItPlainlyToo() throws IOException {
        JsonNode root;
        try (InputStream in = PlainWordsTest.class.getResourceAsStream("/catalog/services.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<String> found = new ArrayList<>();
        collect(root, "", found);
        assertThat(found).isEmpty();
    }

    private static void collect(JsonNode n, String path, List<String> found) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> collect(e.getValue(), path + "/" + e.getKey(), found));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                collect(n.get(i), path + "/" + i, found);
            }
        } else if (n.isTextual() && path.endsWith("/zh-CN")) {
            for (String term : OFFICE_TERMS) {
                if (n.asText().contains(term)) {
                    found.add(path + " says " + term + ": " + n.asText());
                }
            }
        }
    }
}
