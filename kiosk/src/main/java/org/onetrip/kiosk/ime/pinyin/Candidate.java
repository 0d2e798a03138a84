package org.onetrip.kiosk.ime.pinyin;

/**
 * A word offered for the typed pinyin: its {@code text}, how many typed characters it uses up
 * ({@code consumed}, from the start; the rest stays to be converted), its pinyin, its frequency in
 * the essay, and whether it was found through a partly typed syllable or an initial alone.
 */
public record Candidate(String text, int consumed, String pinyin, long frequency, boolean approximate) {
}
