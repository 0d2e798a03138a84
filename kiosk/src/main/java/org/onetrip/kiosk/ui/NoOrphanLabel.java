package org.onetrip.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;

/**
 * A wrapping label that never leaves one Chinese character alone on a line ("已提交，待工作人员接" /
 * "收"): Chinese breaks between any two characters, so a line that is one character too long
 * spills its last character. When that happens the drawn text wraps up to a few characters
 * narrower, as long as that keeps the number of lines, so two or more characters go down together.
 * Typesetters call the lone character an orphan (孤字) and avoid it the same way.
 */
public class NoOrphanLabel extends Label {
    /** How many character widths the text may be narrowed by to take an orphan down. */
    private static final int MAX_STEPS = 4;

    public NoOrphanLabel(String text) {
        super(text);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (!isWrapText()) {
            return;
        }
        Text drawn = drawnText();
        // The skin sets the wrapping width only when the text or the width changed; a narrowed
        // width set here stays until then, so this settles after one extra layout.
        if (drawn == null || drawn.getWrappingWidth() <= 0 || loneCjkLine(drawn) < 0) {
            return;
        }
        double width = drawn.getWrappingWidth();
        int lines = lineStarts(drawn).size();
        double em = drawn.getFont().getSize();
        for (int step = 1; step <= MAX_STEPS && width - step * em > em * 2; step++) {
            drawn.setWrappingWidth(width - step * em);
            if (loneCjkLine(drawn) < 0 && lineStarts(drawn).size() == lines) {
                return;
            }
        }
        drawn.setWrappingWidth(width); // no narrower wrap keeps the lines: leave it as it was
    }

    private Text drawnText() {
        for (Node c : getChildrenUnmodifiable()) {
            if (c instanceof Text t) {
                return t;
            }
        }
        return null;
    }

    /** The index of the first line holding one Han character and nothing else but punctuation, or -1. */
    static int loneCjkLine(Text t) {
        String s = t.getText();
        if (s == null || !hasHan(s)) {
            return -1; // no Chinese, no orphan (the English screens): no caret asked
        }
        List<Integer> starts = lineStarts(t);
        if (starts.size() < 2) {
            return -1;
        }
        for (int l = 0; l < starts.size(); l++) {
            int from = starts.get(l);
            int to = l + 1 < starts.size() ? starts.get(l + 1) : s.length();
            int han = 0;
            int other = 0;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                    han++;
                } else if (Character.isLetterOrDigit(c)) {
                    other++;
                }
            }
            if (han == 1 && other == 0) {
                return l;
            }
        }
        return -1;
    }

    /**
     * Where each drawn line starts: a character whose caret sits lower than the one before starts a
     * line. The carets go down with the text, so each line's start is found by halving (a few
     * carets a line, not one a character: each label runs this at every layout, and 400 carets were
     * asked before the home screen's first frame, 80 now; issue 13).
     */
    static List<Integer> lineStarts(Text t) {
        String s = t.getText();
        List<Integer> starts = new ArrayList<>();
        int n = s == null ? 0 : s.length();
        if (n == 0) {
            return starts;
        }
        starts.add(0);
        double top = caretTop(t, 0);
        double last = caretTop(t, n - 1);
        int from = 0;
        while (last > top + 0.5) {
            int lo = from + 1;
            int hi = n - 1; // its caret is lower than top: the answer is at most hi
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (caretTop(t, mid) > top + 0.5) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            starts.add(lo);
            from = lo;
            top = caretTop(t, lo);
        }
        return starts;
    }

    private static double caretTop(Text t, int i) {
        PathElement[] caret = t.caretShape(i, true);
        return caret.length > 0 && caret[0] instanceof MoveTo m ? m.getY() : 0;
    }

    private static boolean hasHan(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN) {
                return true;
            }
        }
        return false;
    }
}
