package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

/**
 * A wrapped Chinese text never ends with one character alone on its last line (issue 10: the
 * status badge read "已提交，待工作人员接" / "收"). For every width at which a plain label leaves an
 * orphan, the kiosk's label takes a second character down and keeps the number of lines.
 */
class NoOrphanLabelTest extends ApplicationTest {
    private static final String TEXT = "已提交，待工作人员接收";
    private static final String LONG = "遇到突发事件、意外或重病，生活暂时困难的，可申请临时救助。";
    private Label plain;
    private NoOrphanLabel kiosk;
    private VBox box;

    @Override
    public void start(Stage stage) {
        plain = new Label();
        kiosk = new NoOrphanLabel("");
        for (Label l : new Label[] {plain, kiosk}) {
            l.setWrapText(true);
            l.setStyle("-fx-font-size: 24px; -fx-font-family: 'Noto Sans CJK SC';");
        }
        box = new VBox(plain, kiosk);
        box.setFillWidth(true);
        stage.setScene(new Scene(new javafx.scene.layout.Pane(box), 800, 400)); // a Pane sizes the box to its pref width
        stage.show();
    }

    /** The first way of finding the lines, one caret a character: the faster one must agree with it. */
    private static java.util.List<Integer> everyCaret(Text t) {
        java.util.List<Integer> starts = new java.util.ArrayList<>();
        double lastTop = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < t.getText().length(); i++) {
            javafx.scene.shape.PathElement[] caret = t.caretShape(i, true);
            double top = caret.length > 0 && caret[0] instanceof javafx.scene.shape.MoveTo m ? m.getY() : 0;
            if (top > lastTop + 0.5) {
                starts.add(i);
                lastTop = top;
            }
        }
        return starts;
    }

    @Test
    void theLinesFoundByHalvingAreTheLinesFoundCaretByCaret() {
        String[] texts = {LONG, "Apply for a temporary assistance payment after an accident, a sudden illness or a disaster.",
            "第一行\n第二行\n\n第四行 民政 Civil affairs 临时救助", ""};
        for (String text : texts) {
            for (int width = 60; width <= 520; width += 53) {
                int w = width;
                Object[] r = new Object[2];
                interact(() -> {
                    layOut(text, w);
                    r[0] = NoOrphanLabel.lineStarts(drawn(plain));
                    r[1] = everyCaret(drawn(plain));
                });
                assertThat(r[0]).as("lines of \"%s\" at %d px", text, w).isEqualTo(r[1]);
            }
        }
    }

    /** Both labels show {@code text} at {@code width} px, laid out once; on the JavaFX thread. */
    private void layOut(String text, int width) {
        plain.setText(text);
        kiosk.setText(text);
        box.setPrefWidth(width);
        box.setMaxWidth(width);
        Parent root = box.getParent();
        root.applyCss();
        root.layout();
    }

    private Text drawn(Label l) {
        return (Text) l.getChildrenUnmodifiable().stream().filter(c -> c instanceof Text).findFirst().orElseThrow();
    }

    @Test
    void noWidthLeavesOneCharacterAloneAndNoneAddsALine() {
        for (String text : new String[] {TEXT, LONG}) {
            int orphansInPlain = 0;
            for (int width = 120; width <= 520; width += 4) {
                int w = width;
                int[] r = new int[4];
                interact(() -> {
                    layOut(text, w);
                    box.getParent().layout(); // the narrowed wrap settles on the next pass
                    r[0] = NoOrphanLabel.loneCjkLine(drawn(plain));
                    r[1] = NoOrphanLabel.loneCjkLine(drawn(kiosk));
                    r[2] = NoOrphanLabel.lineStarts(drawn(plain)).size();
                    r[3] = NoOrphanLabel.lineStarts(drawn(kiosk)).size();
                });
                if (r[0] >= 0) {
                    orphansInPlain++;
                }
                assertThat(r[1]).as("orphan line of \"%s\" at %d px", text, w).isNegative();
                assertThat(r[3]).as("lines of \"%s\" at %d px", text, w).isEqualTo(r[2]);
                assertThat(drawn(kiosk).getText()).isEqualTo(text);
            }
            assertThat(orphansInPlain).as("widths where a plain label orphans a character of \"%s\"", text).isPositive();
        }
    }
}
