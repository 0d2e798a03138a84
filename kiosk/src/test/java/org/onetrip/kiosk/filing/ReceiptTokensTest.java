package org.onetrip.kiosk.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onetrip.kiosk.qr.QrCodes;

class ReceiptTokensTest {
    private static final String BASE = "http://127.0.0.1:8311/status/";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final ReceiptTokens tokens = new ReceiptTokens(secret(1));

    private static byte[] secret(int seed) {
        byte[] s = new byte[32];
        new Random(seed).nextBytes(s);
        return s;
    }

    @Test
    void aTokenIs24UrlSafeCharactersOfAn8ByteKeyAndAn80BitTag() {
        String t = tokens.next();
        assertThat(t).hasSize(24).matches("[A-Za-z0-9_-]{24}");
        assertThat(Base64.getUrlDecoder().decode(t)).hasSize(ReceiptTokens.KEY_BYTES + ReceiptTokens.TAG_BYTES);
        assertThat(ReceiptTokens.TAG_BYTES * 8).isGreaterThanOrEqualTo(80);
        assertThat(tokens.wellFormed(t)).isTrue();
    }

    @Test
    void aTokenVerifiesAndComesBackFromItsUrl() {
        for (int i = 0; i < 1000; i++) {
            String t = tokens.next();
            assertThat(tokens.verify(t)).isTrue();
            assertThat(tokens.tokenFrom(BASE + t, BASE)).contains(t);
            assertThat(tokens.tokenFrom(t, BASE)).contains(t);
        }
    }

    @Test
    void theSameSecretVerifiesAfterARestart() {
        String t = tokens.next();
        assertThat(new ReceiptTokens(secret(1)).verify(t)).isTrue();
    }

    @Test
    void anotherInstallationsTokensAreRefused() {
        ReceiptTokens other = new ReceiptTokens(secret(2));
        for (int i = 0; i < 10_000; i++) {
            assertThat(tokens.verify(other.next())).isFalse();
        }
    }

    @Test
    void aSecretShorterThan256BitsIsRefused() {
        assertThatThrownBy(() -> new ReceiptTokens(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReceiptTokens(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tenThousandTokensAreAllDifferent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(tokens.next());
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void tokensUseTheWholeAlphabet() {
        // A narrow alphabet would mean fewer bits than the length promises; 2,000 tokens show all 64.
        Set<Character> symbols = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            for (char c : tokens.next().toCharArray()) {
                symbols.add(c);
            }
        }
        assertThat(symbols).hasSize(64);
    }

    enum Mutation {
        SUBSTITUTE_ONE, SUBSTITUTE_SEVERAL, FLIP_CASE, DELETE, INSERT, TRUNCATE, APPEND, SWAP, FOREIGN_CHARACTER,
        FLIP_A_BIT, SPLICE_KEY_AND_TAG, ROTATE, RANDOM_TOKEN_SHAPED
    }

    @Test
    void noneOfOneHundredThousandRandomMutationsOfValidTokensIsAccepted() {
        Random random = new Random(20261128);
        Map<Mutation, Integer> tried = new EnumMap<>(Mutation.class);
        String[] valid = new String[64];
        for (int i = 0; i < valid.length; i++) {
            valid[i] = tokens.next();
        }
        int accepted = 0;
        for (int i = 0; i < 100_000; i++) {
            String original = valid[random.nextInt(valid.length)];
            Mutation m = Mutation.values()[random.nextInt(Mutation.values().length)];
            String mutated = mutate(original, valid, m, random);
            if (mutated.equals(original)) {
                i--; // e.g. the case of a digit flipped: not a mutation, draw again
                continue;
            }
            tried.merge(m, 1, Integer::sum);
            if (tokens.verify(mutated) || tokens.tokenFrom(BASE + mutated, BASE).isPresent()) {
                accepted++;
            }
        }
        assertThat(accepted).isZero();
        assertThat(tried.keySet()).containsExactlyInAnyOrder(Mutation.values());
        assertThat(tried.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100_000);
    }

    private static String mutate(String t, String[] valid, Mutation m, Random r) {
        StringBuilder sb = new StringBuilder(t);
        int p = r.nextInt(t.length());
        switch (m) {
            case SUBSTITUTE_ONE -> sb.setCharAt(p, other(t.charAt(p), r));
            case SUBSTITUTE_SEVERAL -> {
                for (int k = 2 + r.nextInt(4); k > 0; k--) {
                    int q = r.nextInt(t.length());
                    sb.setCharAt(q, other(sb.charAt(q), r));
                }
            }
            case FLIP_CASE -> {
                char c = t.charAt(p);
                sb.setCharAt(p, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
            }
            case DELETE -> sb.deleteCharAt(p);
            case INSERT -> sb.insert(r.nextInt(t.length() + 1), ALPHABET.charAt(r.nextInt(64)));
            case TRUNCATE -> sb.setLength(r.nextInt(t.length()));
            case APPEND -> {
                for (int k = 1 + r.nextInt(3); k > 0; k--) {
                    sb.append(ALPHABET.charAt(r.nextInt(64)));
                }
            }
            case SWAP -> {
                int q = r.nextInt(t.length());
                sb.setCharAt(p, t.charAt(q));
                sb.setCharAt(q, t.charAt(p));
            }
            case FOREIGN_CHARACTER -> sb.setCharAt(p, "+/=. ~\u00e9\uff21\u0000\n%".charAt(r.nextInt(11)));
            case FLIP_A_BIT -> {
                byte[] raw = Base64.getUrlDecoder().decode(t);
                raw[r.nextInt(raw.length)] ^= (byte) (1 << r.nextInt(8));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            }
            case SPLICE_KEY_AND_TAG -> {
                // The key of one real token with the tag of another real token.
                String donor = valid[r.nextInt(valid.length)];
                byte[] a = Base64.getUrlDecoder().decode(t);
                byte[] b = Base64.getUrlDecoder().decode(donor);
                System.arraycopy(b, ReceiptTokens.KEY_BYTES, a, ReceiptTokens.KEY_BYTES, ReceiptTokens.TAG_BYTES);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(a);
            }
            case ROTATE -> {
                int k = 1 + r.nextInt(t.length() - 1);
                return t.substring(k) + t.substring(0, k);
            }
            case RANDOM_TOKEN_SHAPED -> {
                sb.setLength(0);
                for (int k = 0; k < ReceiptTokens.LENGTH; k++) {
                    sb.append(ALPHABET.charAt(r.nextInt(64)));
                }
            }
        }
        return sb.toString();
    }

    private static char other(char c, Random r) {
        char d;
        do {
            d = ALPHABET.charAt(r.nextInt(64));
        } while (d == c);
        return d;
    }

    @Test
    void theReceiptUrlGivesItsToken() {
        String t = tokens.next();
        assertThat(tokens.tokenFrom(BASE + t, BASE)).contains(t);
    }

    @Test
    void theLineEndAScannerAddsIsIgnored() {
        String t = tokens.next();
        assertThat(tokens.tokenFrom(BASE + t + "\r\n", BASE)).contains(t);
        assertThat(tokens.tokenFrom(" " + t + "\n", BASE)).contains(t);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1:8311/status/", "http://evil.example/status/", "http://127.0.0.1:8311/other/",
            "http://127.0.0.1:8311/status/x/", "weixin://dl/business/?t="})
    void anotherSitesUrlIsRefusedEvenWithAValidTokenAtItsEnd(String prefix) {
        assertThat(tokens.tokenFrom(prefix + tokens.next(), BASE)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"hello", "6901234567892", "AbCdEfGhIjKlMnOpQr+/09xy", "AbCdEfGhIjKlMnOpQr_-0=xy",
            "AbCdEfGhIjKlMnOpQr 09xyz", "赖佳佳赖佳佳赖佳佳赖佳佳赖佳佳赖佳佳赖佳佳赖佳佳"})
    void garbageIsRefused(String scanned) {
        assertThat(tokens.tokenFrom(scanned, BASE)).isEmpty();
        assertThat(tokens.verify(scanned)).isFalse();
    }

    @Test
    void aTruncatedOrOverlongTokenIsRefused() {
        String t = tokens.next();
        assertThat(tokens.tokenFrom(BASE + t.substring(0, 23), BASE)).isEmpty();
        assertThat(tokens.tokenFrom(BASE + t + "A", BASE)).isEmpty();
        assertThat(tokens.tokenFrom(BASE + t + "/", BASE)).isEmpty();
        assertThat(tokens.tokenFrom(BASE + t + "?utm=x", BASE)).isEmpty();
        assertThat(tokens.tokenFrom(BASE, BASE)).isEmpty();
    }

    @Test
    void wellFormedIsTheShapeOnly() {
        String t = tokens.next();
        assertThat(tokens.wellFormed(t)).isTrue();
        assertThat(tokens.wellFormed("A".repeat(24))).isTrue();
        assertThat(tokens.verify("A".repeat(24))).isFalse();
        assertThat(tokens.wellFormed(null)).isFalse();
        assertThat(tokens.wellFormed(t.substring(1))).isFalse();
        assertThat(tokens.wellFormed(t + "x")).isFalse();
        assertThat(tokens.wellFormed("+" + t.substring(1))).isFalse();
    }

    @Test
    void theReceiptQrOfThePiProfileStaysAtVersion4() {
        // 36-character base of firmware-config/profiles/pi.properties + the token: 60 bytes, which
        // version 4 holds at level M; the request's UUID in the token would need version 5.
        String url = "https://kiosk.example.gov.cn/status/" + tokens.next();
        int modules = QrCodes.matrix(url, 0).getWidth();
        assertThat(modules).isEqualTo(17 + 4 * 4);
    }
}
