package org.onetrip.kiosk.ui.form;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.onetrip.kiosk.ui.Texts;
import org.onetrip.kiosk.ui.Ui;

/**
 * A date picker for a finger: year, month and day each between a big − and +, the year also by
 * ten, "today", and the whole date written out with its weekday. Nothing is typed, and no date
 * outside the field's bounds can be reached (the buttons that would leave them are disabled).
 * Every step writes the date at once; an empty field is written only when the resident steps,
 * taps "today" or confirms the suggestion.
 */
final class DateStepper extends VBox {
    private final Texts texts;
    private final DateBounds bounds;
    private final Consumer<LocalDate> onPick;
    private LocalDate shown;
    private final Label year = value("date-year");
    private final Label month = value("date-month");
    private final Label day = value("date-day");
    private final Label full = new Label();
    private final Button[] steps = new Button[8];

    /**
     * @param current the field's date, or null when it is empty (then {@code today}, kept within
     *     the bounds, is suggested)
     * @param onPick receives each date the resident picks
     * @param onDone puts the picker away
     */
    DateStepper(Texts t, DateBounds bounds, LocalDate today, LocalDate current, Consumer<LocalDate> onPick,
            Runnable onDone) {
        this.texts = t;
        this.bounds = bounds;
        this.onPick = onPick;
        this.shown = bounds.clamp(current != null ? current : today);
        setId("datepicker");
        getStyleClass().add("date-stepper");
        setSpacing(12);
        setAlignment(Pos.CENTER);

        HBox yearBox = new HBox(8,
                step(0, "date-year-minus10", "−10", d -> d.minusYears(10)),
                step(1, "date-year-minus", "−", d -> d.minusYears(1)), year,
                step(2, "date-year-plus", "+", d -> d.plusYears(1)),
                step(3, "date-year-plus10", "+10", d -> d.plusYears(10)));
        HBox monthBox = new HBox(8, step(4, "date-month-minus", "−", d -> d.minusMonths(1)), month,
                step(5, "date-month-plus", "+", d -> d.plusMonths(1)));
        HBox dayBox = new HBox(8, step(6, "date-day-minus", "−", d -> d.minusDays(1)), day,
                step(7, "date-day-plus", "+", d -> d.plusDays(1)));
        for (HBox b : new HBox[] {yearBox, monthBox, dayBox}) {
            b.setAlignment(Pos.CENTER);
            b.getStyleClass().add("date-part");
        }
        HBox parts = new HBox(28, yearBox, monthBox, dayBox);
        parts.setAlignment(Pos.CENTER);

        full.setId("date-full");
        full.getStyleClass().add("date-full");
        Button todayButton = key("date-today", t.get("date.today"));
        todayButton.setOnAction(e -> pick(today));
        todayButton.setDisable(!bounds.contains(today));
        Button ok = key("date-ok", t.get("date.ok"));
        ok.getStyleClass().add("key-done");
        ok.setOnAction(e -> {
            onPick.accept(shown); // for an empty field: the suggestion, confirmed as it is
            onDone.run();
        });
        HBox bottom = new HBox(16, full, Ui.spacer(), todayButton, ok);
        bottom.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(parts, bottom);
        refresh();
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("date-value");
        return l;
    }

    private static Button key(String id, String text) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("key");
        b.setFocusTraversable(false); // the date field keeps the focus, so the picker stays
        return b;
    }

    private Button step(int i, String id, String text, UnaryOperator<LocalDate> move) {
        Button b = key(id, text);
        b.setUserData(move);
        b.setOnAction(e -> pick(bounds.clamp(move.apply(shown))));
        steps[i] = b;
        return b;
    }

    private void pick(LocalDate d) {
        shown = d;
        onPick.accept(d);
        refresh();
    }

    @SuppressWarnings("unchecked")
    private void refresh() {
        boolean zh = texts.isChinese();
        year.setText(zh ? shown.getYear() + "年" : String.valueOf(shown.getYear()));
        month.setText(zh ? shown.getMonthValue() + "月" : shown.getMonth().getDisplayName(TextStyle.SHORT, texts.locale()));
        day.setText(zh ? shown.getDayOfMonth() + "日" : String.valueOf(shown.getDayOfMonth()));
        full.setText(format(texts, shown));
        for (Button b : steps) {
            // A step that would leave the bounds (and so change nothing once clamped) is off.
            b.setDisable(bounds.clamp(((UnaryOperator<LocalDate>) b.getUserData()).apply(shown)).equals(shown));
        }
    }

    LocalDate shown() {
        return shown;
    }

    /** The date written out for a person, with its weekday: 2019年10月1日 星期二, Tuesday 1 October 2019. */
    static String format(Texts t, LocalDate d) {
        return d.format(DateTimeFormatter.ofPattern(t.get("date.format"), t.locale()));
    }
}
