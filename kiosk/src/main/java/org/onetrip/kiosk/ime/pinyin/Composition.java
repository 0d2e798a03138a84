package org.onetrip.kiosk.ime.pinyin;

import java.util.List;

/**
 * What is being typed in pinyin: the letters not yet converted, their candidates and the page of
 * them shown. Choosing a candidate gives its text to commit and leaves the letters it did not use
 * up ({@code xiwangzengjia}, choose 希望: {@code zengjia} stays). Not thread-safe: the keyboard uses
 * it on the JavaFX thread, the CLI and the bench on theirs.
 */
public final class Composition {
    /** The input a resident may type before choosing: a sentence guess beyond it is slow and unread. */
    public static final int MAX_INPUT = 40;

    private final PinyinConverter converter;
    private final int pageSize;
    private String input = "";
    private List<Candidate> candidates = List.of();
    private int page;

    public Composition(PinyinConverter converter, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size " + pageSize);
        }
        this.converter = converter;
        this.pageSize = pageSize;
    }

    public String input() {
        return input;
    }

    public boolean isEmpty() {
        return input.isEmpty();
    }

    /** Adds letters (a–z, or ' between syllables); false when refused (not pinyin, or too long). */
    public boolean type(String letters) {
        String s = letters.toLowerCase(java.util.Locale.ROOT);
        if (!PinyinConverter.isPinyin(s) || input.length() + s.length() > MAX_INPUT) {
            return false;
        }
        set(input + s);
        return true;
    }

    /** Takes the last letter; false when there was none (the keyboard then deletes in the field). */
    public boolean backspace() {
        if (input.isEmpty()) {
            return false;
        }
        set(input.substring(0, input.length() - 1));
        return true;
    }

    public void clear() {
        set("");
    }

    private void set(String s) {
        input = s;
        candidates = converter.candidates(s);
        page = 0;
    }

    /** Every candidate, best first. */
    public List<Candidate> all() {
        return candidates;
    }

    /** The candidates on the page shown. */
    public List<Candidate> page() {
        int from = page * pageSize;
        return candidates.subList(Math.min(from, candidates.size()), Math.min(from + pageSize, candidates.size()));
    }

    public int pageIndex() {
        return page;
    }

    public boolean hasNext() {
        return (page + 1) * pageSize < candidates.size();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public void next() {
        if (hasNext()) {
            page++;
        }
    }

    public void previous() {
        if (hasPrevious()) {
            page--;
        }
    }

    /** Chooses {@code c}: returns its text to commit; the letters it did not use stay. */
    public String choose(Candidate c) {
        if (!candidates.contains(c)) {
            throw new IllegalArgumentException("not a candidate for " + input + ": " + c.text());
        }
        String rest = input.substring(c.consumed());
        while (rest.startsWith("'")) {
            rest = rest.substring(1);
        }
        set(rest);
        return c.text();
    }

    /** The {@code i}-th candidate on the page shown. */
    public String choose(int i) {
        return choose(page().get(i));
    }

    /**
     * Space: the first candidate, or the letters themselves when nothing matches (a name the
     * dictionary does not know still gets typed). Null when there is nothing to commit.
     */
    public String commitFirst() {
        if (input.isEmpty()) {
            return null;
        }
        if (candidates.isEmpty()) {
            String letters = input.replace("'", "");
            set("");
            return letters;
        }
        return choose(candidates.get(0));
    }
}
