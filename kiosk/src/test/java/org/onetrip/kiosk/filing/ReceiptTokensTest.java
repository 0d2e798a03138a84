package org.onetrip.kiosk.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiptTokensTest {
    private static final String BASE = "http://127.0.0.1:8311/status/";
    private static final String TOKEN = "AbCdEfGhIjKlMnOpQr_-09";

    private final ReceiptTokens tokens = new ReceiptTokens();

    @Test
    void aTokenIs22UrlSafeCharactersOf128RandomBits() {
        String t = tokens.next();
        assertThat(t).hasSize(22).matches("[A-Za-z0-9_-]{22}");
        assertThat(Base64.getUrlDecoder().decode(t)).hasSize(16);
        assertThat(tokens.wellFormed(t)).isTrue();
    }

    @Test
    void tenThousandTokensAreAllDifferent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String t = tokens.next();
            assertThat(t).matches("[A-Za-z0-9_-]{22}");
            seen.add(t);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void tokensUseTheWholeAlphabet() {
        // A token drawn from a narrow alphabet would be guessable; 2,000 tokens show all 64 symbols.
        Set<Character> symbols = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            for (char c : tokens.next().toCharArray()) {
                symbols.add(c);
            }
        }
        assertThat(symbols).hasSize(64);
    }

    @Test
    void theReceiptUrlGivesItsToken() {
        assertThat(tokens.tokenFrom(BASE + TOKEN, BASE)).isEqualTo(TOKEN);
    }

    @Test
    void aBareTokenIsAcceptedToo() {
        assertThat(tokens.tokenFrom(TOKEN, BASE)).isEqualTo(TOKEN);
    }

    @Test
    void theLineEndAScannerAddsIsIgnored() {
        assertThat(tokens.tokenFrom(BASE + TOKEN + "\r\n", BASE)).isEqualTo(TOKEN);
        assertThat(tokens.tokenFrom(" " + TOKEN + "\n", BASE)).isEqualTo(TOKEN);
    }

    @Test
    void aFreshTokenComesBackFromItsUrl() {
        String t = tokens.next();
        assertThat(tokens.tokenFrom(BASE + t, BASE)).isEqualTo(t);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1:8311/status/" + TOKEN,
            "http://evil.example/status/" + TOKEN,
            "http://127.0.0.1:8311/other/" + TOKEN,
            "http://127.0.0.1:8311/status/x/" + TOKEN,
            "weixin://dl/business/?t=" + TOKEN})
    void anotherSitesUrlIsRefusedEvenWithATokenShapedEnd(String scanned) {
        assertThat(tokens.tokenFrom(scanned, BASE)).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"hello", "6901234567892", "AbCdEfGhIjKlMnOpQr+/09", "AbCdEfGhIjKlMnOpQr_-0=",
            "AbCdEfGhIjKlMnOpQr 09x", "赖佳佳赖佳佳赖佳佳赖佳佳赖佳佳赖佳佳赖佳佳赖"})
    void garbageIsRefused(String scanned) {
        assertThat(tokens.tokenFrom(scanned, BASE)).isNull();
    }

    @Test
    void aTruncatedOrOverlongTokenIsRefused() {
        assertThat(tokens.tokenFrom(BASE + TOKEN.substring(0, 21), BASE)).isNull();
        assertThat(tokens.tokenFrom(TOKEN.substring(0, 21), BASE)).isNull();
        assertThat(tokens.tokenFrom(BASE + TOKEN + "A", BASE)).isNull();
        assertThat(tokens.tokenFrom(TOKEN + "A", BASE)).isNull();
        assertThat(tokens.tokenFrom(BASE + TOKEN + "/", BASE)).isNull();
        assertThat(tokens.tokenFrom(BASE + TOKEN + "?utm=x", BASE)).isNull();
        assertThat(tokens.tokenFrom(BASE, BASE)).isNull();
    }

    @Test
    void wellFormedIsExactly22UrlSafeCharacters() {
        assertThat(tokens.wellFormed(TOKEN)).isTrue();
        assertThat(tokens.wellFormed(null)).isFalse();
        assertThat(tokens.wellFormed(TOKEN.substring(1))).isFalse();
        assertThat(tokens.wellFormed(TOKEN + "x")).isFalse();
        assertThat(tokens.wellFormed(TOKEN.replace('_', '/'))).isFalse();
    }
}
