package org.onetrip.kiosk.ui.speech;

import org.onetrip.kiosk.speech.SpokenText;
import org.onetrip.kiosk.speech.Utterance;
import org.onetrip.kiosk.ui.Texts;

/** Builds what a screen says from its message keys, in the session's language. */
public final class Spoken {
    private final Texts t;
    private final Utterance.Builder b;

    private Spoken(Texts t) {
        this.t = t;
        this.b = Utterance.in(t.locale());
    }

    public static Spoken in(Texts t) {
        return new Spoken(t);
    }

    /**
     * The text of {@code key}. Without arguments a recorded prompt of that key may replace it;
     * with them it is always synthesised (a recording cannot say the seconds left).
     */
    public Spoken key(String key, Object... args) {
        if (args.length == 0) {
            b.prompt(key, t.get(key));
        } else {
            b.text(t.get(key, args));
        }
        return this;
    }

    /** Text from elsewhere (a service's name from the catalogue). */
    public Spoken text(String text) {
        b.text(text);
        return this;
    }

    /** A ticket number, sign by sign ("D-017" is said "D 0 1 7"). */
    public Spoken spelled(String code) {
        b.text(SpokenText.spell(code));
        return this;
    }

    public Utterance build() {
        return b.build();
    }
}
