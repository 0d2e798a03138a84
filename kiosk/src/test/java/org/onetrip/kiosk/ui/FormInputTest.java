package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.testfx.service.query.PointQuery;

/**
 * The form at 1280x800 as a resident meets it: the keyboard never hides the field being typed in,
 * pads type only into the focused field, Next says what is missing where it is, an error goes as
 * the field is put right, and dates are picked, within the field's bounds, not typed.
 */
class FormInputTest extends KioskUiTestBase {
    /** The kiosk's "today" under the test clock (02:05 on 29 November 2026 in Fuding). */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private Bounds sceneBounds(String query) {
        Node n = lookup(query).query();
        Bounds[] b = new Bounds[1];
        interact(() -> b[0] = n.localToScene(n.getBoundsInLocal()));
        return b[0];
    }

    /** The scroll pane's viewport in scene coordinates: what of the form the resident sees. */
    private Bounds viewport() {
        ScrollPane sp = lookup("#form-scroll").query();
        Bounds[] b = new Bounds[1];
        interact(() -> {
            Bounds v = sp.getViewportBounds();
            Bounds s = sp.localToScene(sp.getLayoutBounds());
            b[0] = new javafx.geometry.BoundingBox(s.getMinX(), s.getMinY(), v.getWidth(), v.getHeight());
        });
        return b[0];
    }

    private boolean visible(String query) {
        return lookup(query).tryQuery().map(n -> {
            for (Node p = n; p != null; p = p.getParent()) {
                if (!p.isVisible()) {
                    return false;
                }
            }
            return n.getScene() != null;
        }).orElse(false);
    }

    private void assertInView(String query) {
        Bounds v = viewport();
        Bounds f = sceneBounds(query);
        assertThat(f.getMinY()).as(query + " top inside the visible form " + v).isGreaterThanOrEqualTo(v.getMinY() - 0.5);
        assertThat(f.getMaxY()).as(query + " bottom inside the visible form " + v).isLessThanOrEqualTo(v.getMaxY() + 0.5);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "en"})
    void theKeyboardLeavesTheFieldInViewAndAUsableForm(String lang) {
        awaitScreen("home");
        if (lang.equals("en")) {
            tap("#language");
        }
        openForm("opinion", "hazard-report", null);
        tap("#choice-category-road_traffic");
        tap("#field-description");
        await("the keyboard", () -> visible("#keyboard"));
        typeOnPad("pothole");
        assertThat(text("#field-description")).isEqualTo("pothole");
        Bounds v = viewport();
        Bounds keyboard = sceneBounds("#keyboard");
        // A figure for people, printed beside the check: the form a resident still sees while typing.
        System.out.printf(java.util.Locale.ROOT, "form visible with the keyboard up (%s, 1280x800): %.0f px%n", lang,
                v.getHeight());
        assertThat(v.getHeight()).as("visible form height with the keyboard up").isGreaterThanOrEqualTo(260);
        assertThat(lookup("#kiosk").query().getScene().getHeight()).isEqualTo(800);
        assertInView("#field-description");
        assertThat(sceneBounds("#field-description").getMaxY()).isLessThan(keyboard.getMinY());
        // Every key is a finger's size.
        for (Node k : lookup("#keyboard .key").queryAll()) {
            assertThat(k.getBoundsInLocal().getHeight()).as(k.getId()).isGreaterThanOrEqualTo(64);
        }
        snapshot("form-keyboard-" + lang);
        // Done puts the keyboard away and gives the buttons back; so does Esc, keeping the form.
        tap("#key-done");
        await("the keyboard to go", () -> !visible("#keyboard"));
        assertThat(visible("#next")).isTrue();
        tap("#field-description");
        await("the keyboard", () -> visible("#keyboard"));
        type(KeyCode.ESCAPE);
        await("the keyboard to go", () -> !visible("#keyboard"));
        assertOnScreen("form");
        assertThat(ui.flow().session().values()).containsEntry("description", "pothole");
    }

    @Test
    void padsTypeOnlyIntoTheFocusedFieldAndAlwaysAtItsEnd() {
        openForm("livelihood", "residence-certificate", FictionalCards.OUYANG_ELDER);
        tap("#field-phone");
        typeOnPad("139");
        // The focus moves to a choice: the keypad goes, and nothing types into the phone any more.
        tap("#choice-housing-owned");
        await("the keypad to go", () -> !visible("#keypad"));
        tap("#field-copies");
        await("the keypad for copies", () -> visible("#keypad"));
        typeOnPad("2");
        assertThat(text("#field-phone")).isEqualTo("139");
        assertThat(text("#field-copies")).isEqualTo("2");
        // A tap at the left of the field puts the caret before "139"; digits still go at the end.
        TextInputControl phone = lookup("#field-phone").query();
        interact(() -> KioskUiTestBase.scrollIntoView(phone));
        PointQuery left = point(phone).atOffset(new javafx.geometry.Point2D(-phone.getWidth() / 2 + 8, 0));
        clickOn(left);
        await("the phone to hold the focus", () -> phone.isFocused());
        typeOnPad("7");
        assertThat(text("#field-phone")).isEqualTo("1397");
        clickOn("#key-backspace");
        assertThat(text("#field-phone")).isEqualTo("139");
        // Tab moves the focus to the next field, and the keypad with it.
        tap("#field-copies");
        type(KeyCode.TAB);
        await("the phone focused by Tab", () -> phone.isFocused());
        typeOnPad("8");
        assertThat(text("#field-copies")).isEqualTo("2");
        assertThat(text("#field-phone")).isEqualTo("1398");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "en"})
    void nextWithAMissingChoiceBringsItIntoViewAndSaysSo(String lang) {
        awaitScreen("home");
        if (lang.equals("en")) {
            tap("#language");
        }
        openForm("livelihood", "birth-registration", FictionalCards.OUYANG_ELDER);
        // Everything but the first choice, ending at the bottom of the form.
        tap("#field-marriage_date");
        await("the date picker", () -> visible("#datepicker"));
        snapshot("form-date-" + lang);
        tap("#date-ok");
        tap("#choice-hukou-both_local");
        tap("#field-phone");
        typeOnPad("13800138000");
        tap("#next");
        assertOnScreen("form");
        assertThat(text("#error-child_order")).isEqualTo(lang.equals("en") ? "This field is required" : "此项必须填写");
        assertInView("#card-child_order");
        assertThat(visible("#form-summary")).isTrue();
        assertThat(text("#form-summary")).contains("1");
        assertThat(lookup("#card-child_order").query().getStyleClass()).contains("field-invalid");
        // The question holds the focus, not its first answer (whose ring looked like "chosen").
        Node focus = lookup("#kiosk").query().getScene().getFocusOwner();
        assertThat(focus.getId()).isEqualTo("card-child_order");
        snapshot("form-missing-choice-" + lang);
        // Choosing puts it right: the error, the outline and the summary go.
        tap("#choice-child_order-first");
        assertThat(text("#error-child_order")).isEmpty();
        assertThat(text("#form-summary")).isEmpty();
        assertThat(lookup("#card-child_order").query().getStyleClass()).doesNotContain("field-invalid");
        tap("#next");
        awaitScreen("review");
    }

    /**
     * A field left empty, or an answer tapped off, is not flagged before Next: a resident tapping
     * through the form, or filling it out of order, met a trail of red 此项必须填写 before doing
     * anything wrong (screens review 2, finding 6). Next still flags every required field left empty,
     * and a field left half typed is still flagged at once.
     */
    @Test
    void aFieldLeftEmptyIsNotFlaggedBeforeNext() {
        openForm("livelihood", "birth-registration", FictionalCards.OUYANG_ELDER);
        tap("#field-phone");
        tap("#choice-child_order-first"); // leaves the phone empty
        tap("#choice-child_order-first"); // and takes the answer back
        await("the answer taken back", () -> !ui.flow().session().values().containsKey("child_order"));
        assertThat(text("#error-phone")).as("phone left empty before Next").isEmpty();
        assertThat(text("#error-child_order")).as("an answer tapped off before Next").isEmpty();
        assertThat(lookup("#card-phone").query().getStyleClass()).doesNotContain("field-invalid");
        tap("#next");
        assertThat(text("#error-phone")).isEqualTo("此项必须填写");
        assertThat(text("#error-child_order")).isEqualTo("此项必须填写");
    }

    @Test
    void anErrorGoesAsTheFieldIsPutRightAndComesBackOnlyWhenItIsLeftWrong() {
        openForm("livelihood", "birth-registration", FictionalCards.OUYANG_ELDER);
        tap("#next");
        assertThat(text("#error-phone")).isEqualTo("此项必须填写");
        tap("#field-phone");
        typeOnPad("138");
        assertThat(text("#error-phone")).as("no error while the number is being typed").isEmpty();
        tap("#choice-hukou-both_local"); // leaves the phone half typed
        assertThat(text("#error-phone")).isEqualTo("请输入11位手机号码");
        tap("#field-phone");
        typeOnPad("0");
        assertThat(text("#error-phone")).isEmpty();
        typeOnPad("0138000");
        assertThat(text("#error-phone")).isEmpty();
        tap("#choice-child_order-first");
        assertThat(text("#error-phone")).isEmpty();
    }

    @Test
    void aDateIsPickedWithinTheFieldsBoundsNotTyped() {
        openForm("livelihood", "birth-registration", FictionalCards.OUYANG_ELDER);
        tap("#field-marriage_date");
        await("the date picker", () -> visible("#datepicker"));
        assertThat(visible("#keypad")).isFalse();
        assertThat(((TextInputControl) lookup("#field-marriage_date").query()).isEditable()).isFalse();
        // A marriage is in the past: today is the latest date offered.
        assertThat(text("#date-full")).isEqualTo("2026年11月29日 星期日");
        assertThat(((Button) lookup("#date-year-plus").query()).isDisabled()).isTrue();
        assertThat(((Button) lookup("#date-day-plus").query()).isDisabled()).isTrue();
        assertThat(ui.flow().session().values()).doesNotContainKey("marriage_date"); // nothing picked yet
        for (int i = 0; i < 7; i++) {
            tap("#date-year-minus");
        }
        tap("#date-month-minus");
        tap("#date-day-minus");
        assertThat(ui.flow().session().values()).containsEntry("marriage_date", "2019-10-28");
        assertThat(text("#field-marriage_date")).isEqualTo("2019年10月28日 星期一");
        snapshot("form-date-zh");
        // Back ten years at a time until the picker stops: at the catalogue's earliest date.
        while (!((Button) lookup("#date-year-minus10").query()).isDisabled()) {
            tap("#date-year-minus10");
        }
        while (!((Button) lookup("#date-year-minus").query()).isDisabled()) {
            tap("#date-year-minus");
        }
        LocalDate earliest = LocalDate.parse(ui.flow().session().values().get("marriage_date"));
        assertThat(earliest).isEqualTo(bounds("birth-registration", "marriage_date").earliest(TODAY));
        tap("#date-ok");
        await("the picker to go", () -> !visible("#datepicker"));
        // A due date may be in the coming months, never beyond the catalogue's latest.
        tap("#field-due_date");
        await("the due date picker", () -> visible("#datepicker"));
        while (!((Button) lookup("#date-month-plus").query()).isDisabled()) {
            tap("#date-month-plus");
        }
        tap("#date-ok");
        LocalDate due = LocalDate.parse(ui.flow().session().values().get("due_date"));
        LocalDate latest = bounds("birth-registration", "due_date").latest(TODAY);
        assertThat(due).isAfter(latest.minusMonths(1)).isBeforeOrEqualTo(latest);
    }

    @Test
    void anAppointmentCannotBeInThePast() {
        openForm("livelihood", "proxy-appointment", FictionalCards.OUYANG_ELDER);
        tap("#field-preferred_date");
        await("the date picker", () -> visible("#datepicker"));
        // The catalogue's earliest appointment is today: nothing before it is offered.
        assertThat(bounds("proxy-appointment", "preferred_date").earliest(TODAY)).isEqualTo(TODAY);
        assertThat(((Button) lookup("#date-day-minus").query()).isDisabled()).isTrue();
        assertThat(((Button) lookup("#date-month-minus").query()).isDisabled()).isTrue();
        tap("#date-ok");
        assertThat(ui.flow().session().values()).containsEntry("preferred_date", TODAY.toString());
    }

    private org.onetrip.kiosk.catalog.Validation bounds(String service, String field) {
        return kiosk.catalog().service(service).orElseThrow().attribute(field).validation();
    }
}
