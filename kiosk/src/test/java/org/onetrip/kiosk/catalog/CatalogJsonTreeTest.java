package org.onetrip.kiosk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The catalogue's tree read without an ObjectMapper (issue 13's start) is the tree an ObjectMapper reads. */
class CatalogJsonTreeTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void theBundledCatalogueReadsAsAnObjectMapperReadsIt() throws Exception {
        String text;
        try (InputStream in = CatalogLoader.class.getResourceAsStream("/catalog/services.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(CatalogLoader.readTree(text)).isEqualTo(mapper.readTree(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": 1, \"a\": 2}", "[1, 2147483648, 12345678901234567890, 1.5, -0.0, 1e3]",
            "{\"t\": true, \"f\": false, \"n\": null, \"s\": \"天\\u0041\", \"o\": {}, \"l\": []}", "", "  ", "\"x\"", "7"})
    void edgeCasesReadAsAnObjectMapperReadsThem(String text) throws Exception {
        assertThat(CatalogLoader.readTree(text)).isEqualTo(mapper.readTree(text));
    }

    @Test
    void brokenJsonIsAParseErrorWithItsPlace() {
        assertThatThrownBy(() -> CatalogLoader.readTree("{\n  \"a\": [1, }"))
                .isInstanceOf(JsonProcessingException.class)
                .satisfies(e -> assertThat(((JsonProcessingException) e).getLocation().getLineNr()).isEqualTo(2));
    }
}
