package org.onetrip.kiosk.ui.services;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Cards in one column, a page at a time, as many to a page as fit its height whole (the elders'
 * mode, issue 12: big Previous and More buttons, nothing to drag). A fixed count did not fit: two
 * English cards at 1.5× text were taller than the room, so the second lost its last lines, the
 * ones saying who may come instead and whether a card is needed, and More skipped them.
 *
 * <p>The pages are worked out at layout, from each card's height at the column's width with its
 * styles applied, and again when the room or the texts change (a language switch). The page is
 * kept by its first card, so a page that reflows still starts where the resident was. A card
 * taller than the whole room is a page of its own, and this region's minimum height, so the
 * scroll pane around it shows the rest. Only the page's cards are visible (a screen reader and
 * a look-up for visible nodes meet only them).
 */
final class CardPages extends Region {
    private final List<Node> cards;
    private final double gap;
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper pages = new ReadOnlyIntegerWrapper(1);
    /** The index of each page's first card. */
    private List<Integer> starts = List.of(0);
    /** The first card of the page shown: kept across reflows. */
    private int first;

    CardPages(List<? extends Node> cards, double gap, int firstShown) {
        this.cards = List.copyOf(cards);
        this.gap = gap;
        this.first = Math.max(0, Math.min(firstShown, Math.max(0, cards.size() - 1)));
        getChildren().setAll(this.cards);
    }

    /** The page shown, from 0. */
    ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** How many pages the cards take at the present size. */
    ReadOnlyIntegerProperty pagesProperty() {
        return pages.getReadOnlyProperty();
    }

    /** The first card of the page shown (the screen keeps it across a rebuild). */
    int firstShown() {
        return first;
    }

    /** Turns {@code by} pages (negative: back), within the first and the last. */
    void turn(int by) {
        int to = Math.max(0, Math.min(starts.size() - 1, page.get() + by));
        first = starts.get(to);
        page.set(to);
        requestLayout();
        layout(); // the new page at once, not at the next pulse: a quick second tap turns from it
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        List<Integer> s = breaks(w, h);
        int p = 0;
        while (p + 1 < s.size() && s.get(p + 1) <= first) {
            p++;
        }
        starts = s;
        int end = p + 1 < s.size() ? s.get(p + 1) : cards.size();
        double y = in.getTop();
        for (int i = 0; i < cards.size(); i++) {
            Node c = cards.get(i);
            boolean shown = i >= s.get(p) && i < end;
            c.setVisible(shown);
            if (shown) {
                double ch = c.prefHeight(w);
                c.resizeRelocate(in.getLeft(), y, w, ch);
                y += ch + gap;
            }
        }
        first = s.get(p);
        pages.set(s.size());
        page.set(p);
    }

    /** Each page's first card: as many cards as fit {@code h} whole, at least one a page. */
    private List<Integer> breaks(double w, double h) {
        List<Integer> s = new ArrayList<>();
        s.add(0);
        double used = -1;
        for (int i = 0; i < cards.size(); i++) {
            double ch = cards.get(i).prefHeight(w);
            if (used < 0) {
                used = ch;
            } else if (used + gap + ch > h + 0.5) {
                s.add(i);
                used = ch;
            } else {
                used += gap + ch;
            }
        }
        return s;
    }

    @Override
    protected double computeMinHeight(double width) {
        Insets in = getInsets();
        double w = width < 0 ? width : width - in.getLeft() - in.getRight();
        double tallest = 0;
        for (Node c : cards) {
            tallest = Math.max(tallest, c.prefHeight(w));
        }
        return tallest + in.getTop() + in.getBottom();
    }

    @Override
    protected double computePrefHeight(double width) {
        return computeMinHeight(width);
    }

    /** The column takes the width it is given: a card's one-line width would widen the screen. */
    @Override
    protected double computePrefWidth(double height) {
        return getInsets().getLeft() + getInsets().getRight();
    }

    /** Heights follow the width (the cards' texts wrap). */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }
}
