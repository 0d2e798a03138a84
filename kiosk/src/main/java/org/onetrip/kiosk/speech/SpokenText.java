package org.onetrip.kiosk.speech;

/** Text made fit to be heard. */
public final class SpokenText {
    private SpokenText() {
    }

    /**
     * A ticket number spelled sign by sign, so "D-017" is heard as "D 0 1 7" and not as
     * "D minus seventeen" (or 十七 in Mandarin); anything but letters and digits is left out.
     */
    public static String spell(String code) {
        StringBuilder out = new StringBuilder();
        code.codePoints().filter(Character::isLetterOrDigit).forEach(c -> {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.appendCodePoint(Character.toUpperCase(c));
        });
        return out.toString();
    }
}
