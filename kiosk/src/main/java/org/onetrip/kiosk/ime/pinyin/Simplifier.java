package org.onetrip.kiosk.ime.pinyin;

import java.util.List;

/**
 * Turns traditional Chinese into simplified, a whole list at once (one call per dictionary load,
 * not one per word). The dictionary's words are traditional; a mainland kiosk offers simplified.
 */
public interface Simplifier {
    /** The simplified form of each text, in the same order. */
    List<String> simplify(List<String> traditional);
}
