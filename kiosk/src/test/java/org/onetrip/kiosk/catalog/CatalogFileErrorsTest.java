package org.onetrip.kiosk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken catalogue file is reported with the file, the line and column, and what is wrong. */
class CatalogFileErrorsTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            {
              "windows": [
                {"code": "economy", "letter": "B", "name": {"zh-CN": "经济服务"}}
              ],
              "services": [
                {
                  "service_code": "svc-a",
                  "service_name": {"zh-CN": "甲"},
                  "group": "economy",
                  "attributes": [
                    {"code": "phone", "datatype": "string"},
                    {"code": "when", "datatype": "datetime"}
                  ]
                }
              ]
            }
            """;

    private CatalogException failure(String text) throws Exception {
        Path file = dir.resolve("site.json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return catchThrowableOfType(CatalogException.class, () -> new CatalogLoader().load(file));
    }

    @Test
    void theGoodFileLoads() throws Exception {
        Path file = dir.resolve("site.json");
        Files.writeString(file, GOOD, StandardCharsets.UTF_8);
        assertThat(new CatalogLoader().load(file).services()).hasSize(1);
    }

    @Test
    void aJsonSyntaxErrorNamesItsLineAndColumn() throws Exception {
        CatalogException e = failure(GOOD.replace("\"group\": \"economy\",", "\"group\": \"economy\""));
        assertThat(e.source()).endsWith("site.json");
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.column()).isEqualTo(7);
        assertThat(e.getMessage()).startsWith(dir.resolve("site.json") + ", line 10, column 7: not valid JSON: Unexpected character ('\"'")
                .doesNotContain("Exception");
    }

    @Test
    void aFieldAtFaultNamesTheLineOfItsAttribute() throws Exception {
        CatalogException e = failure(GOOD.replace("{\"code\": \"when\", \"datatype\": \"datetime\"}", "{\"code\": \"when\"}"));
        assertThat(e.line()).isEqualTo(12);
        assertThat(e.column()).isEqualTo(9);
        assertThat(e).hasMessage(dir.resolve("site.json") + ", line 12, column 9: service 'svc-a': attribute 'when': missing 'datatype'");
    }

    @Test
    void aServiceInAnUnknownWindowNamesTheLineOfTheService() throws Exception {
        CatalogException e = failure(GOOD.replace("\"group\": \"economy\"", "\"group\": \"party\""));
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.problem()).isEqualTo("service 'svc-a': group names unknown window 'party'");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotReplaced() throws Exception {
        byte[] text = GOOD.replace("甲", "@").getBytes(StandardCharsets.UTF_8);
        int at = 0;
        while (text[at] != '@') {
            at++;
        }
        text[at] = (byte) 0xFF;
        Path file = dir.resolve("site.json");
        Files.write(file, text);
        CatalogException e = catchThrowableOfType(CatalogException.class, () -> new CatalogLoader().load(file));
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.column()).isEqualTo(34);
        assertThat(e.problem()).isEqualTo("byte " + at + " is not UTF-8; save the file as UTF-8");
    }
}
