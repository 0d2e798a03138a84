package org.onetrip.kiosk.ui.review;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.onetrip.kiosk.catalog.Attribute;
import org.onetrip.kiosk.catalog.AttributeValue;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.filing.FilingException;
import org.onetrip.kiosk.filing.Submission;
import org.onetrip.kiosk.ui.Flow;
import org.onetrip.kiosk.ui.Icons;
import org.onetrip.kiosk.ui.IdentityPanel;
import org.onetrip.kiosk.ui.Screen;
import org.onetrip.kiosk.ui.Texts;
import org.onetrip.kiosk.ui.Ui;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the resident entered, the documents to bring, and Submit. Submit commits the
 * request to the store off the JavaFX thread; the ticket appears only after the commit.
 */
public final class ReviewScreen implements Screen {
    private static final Logger log = LoggerFactory.getLogger(ReviewScreen.class);
    private final Flow flow;
    /** Survive a rebuild (language switch): a rebuilt screen must not offer Submit twice. */
    private boolean submitting;
    private String errorKey;
    private Button submit;
    private Button edit;
    private Label error;

    public ReviewScreen(Flow flow) {
        this.flow = flow;
    }

    @Override
    public String id() {
        return "review";
    }

    @Override
    public org.onetrip.kiosk.speech.Utterance spoken(Texts t) {
        return org.onetrip.kiosk.ui.speech.Spoken.in(t).key("review.title").text(t.of(flow.session().service().name())).build();
    }

    @Override
    public Parent build() {
        Texts t = flow.texts();
        ServiceDefinition s = flow.session().service();
        Label title = Ui.label(t.get("review.title"), Ui.TITLE);
        Label service = Ui.label(t.of(s.name()), Ui.SUBTITLE);

        VBox body = new VBox(16);
        if (flow.session().agent() != null) {
            body.getChildren().add(IdentityPanel.of(t, "identity.agent", flow.session().agent(), "review-agent"));
            if (flow.session().agentRegistration() != null) {
                Label who = Ui.label(t.get("review.agent", flow.session().agent().maskedName(),
                        t.of(flow.session().agentRegistration().village())), Ui.BODY);
                who.setId("review-agent-village");
                body.getChildren().add(who);
            }
        }
        if (flow.session().resident() != null) {
            body.getChildren().add(IdentityPanel.of(t, "identity.resident", flow.session().resident(), "review-resident"));
        }
        GridPane values = new GridPane();
        values.getStyleClass().addAll(Ui.CARD, "review-values");
        values.setHgap(20);
        values.setVgap(10);
        int row = 0;
        for (Attribute a : s.attributes()) {
            String v = flow.session().values().get(a.code());
            if (v == null || v.isBlank()) {
                continue;
            }
            Label k = Ui.label(t.of(a.description()), "identity-key");
            Label val = Ui.label(display(a, v, t), "identity-value");
            val.setId("review-" + a.code());
            values.add(k, 0, row);
            values.add(val, 1, row++);
        }
        if (row > 0) {
            body.getChildren().add(values);
        }
        if (!s.documents().isEmpty()) {
            VBox docs = new VBox(8, Ui.label(t.get("review.documents"), "panel-title"));
            for (LocalizedText d : s.documents()) {
                docs.getChildren().add(Ui.bullet(t.of(d)));
            }
            docs.getStyleClass().addAll(Ui.CARD, "documents");
            body.getChildren().add(docs);
        }
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain-scroll");
        scroll.setId("review-scroll");
        // Drag anywhere to scroll; Previous and More when the answers are longer than the screen:
        // the elders' mode showed the card and one answer, the rest and the documents below the fold.
        org.onetrip.kiosk.ui.TouchScroll touch = org.onetrip.kiosk.ui.TouchScroll.install(scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        error = Ui.label("", Ui.ERROR);
        error.setId("submit-error");
        edit = Ui.button("edit", t.get("action.edit"), Ui.SECONDARY, Icons.BACK);
        edit.setOnAction(e -> flow.editForm());
        submit = Ui.button("submit", t.get("action.submit"), Ui.PRIMARY, Icons.CHECK);
        submit.setOnAction(e -> submit());
        showState();
        java.util.List<Button> pages = touch.pageButtons(t);
        HBox actions = Ui.actions(edit, Ui.spacer(), error, pages.get(0), pages.get(1), submit);
        return new VBox(16, new VBox(6, title, service), scroll, actions);
    }

    private void showState() {
        Texts t = flow.texts();
        submit.setDisable(submitting);
        edit.setDisable(submitting);
        submit.setText(t.get(submitting ? "review.submitting" : "action.submit"));
        error.setText(errorKey == null ? "" : t.get(errorKey));
    }

    static String display(Attribute a, String v, Texts t) {
        return switch (a.datatype()) {
            case SINGLEVALUELIST -> {
                AttributeValue av = a.value(v);
                yield av == null ? v : t.of(av.name());
            }
            case MULTIVALUELIST -> {
                StringBuilder sb = new StringBuilder();
                for (String k : v.split(",")) {
                    AttributeValue av = a.value(k);
                    if (sb.length() > 0) {
                        sb.append(t.isChinese() ? "、" : ", ");
                    }
                    sb.append(av == null ? k : t.of(av.name()));
                }
                yield sb.toString();
            }
            case DATETIME -> org.onetrip.kiosk.ui.form.FormScreen.display(t, v);
            default -> v;
        };
    }

    private void submit() {
        if (submitting) {
            return;
        }
        Texts t = flow.texts();
        submitting = true;
        errorKey = null;
        showState();
        Submission sub = new Submission(flow.session().service().code(), flow.session().values(),
                flow.session().resident(), flow.session().agent());
        java.util.Locale locale = t.locale();
        java.util.Locale second = flow.kiosk().config().receiptSecondLanguage() ? t.otherLocale() : null;
        long visit = flow.session().visit();
        flow.background().execute(() -> {
            try {
                Filing f = flow.kiosk().filing().file(sub, locale, second);
                flow.fx().execute(() -> {
                    if (!stillHere(visit)) {
                        // The resident left (Home, the idle timeout) while the store committed:
                        // the request is filed, but its ticket must not appear to the next person.
                        log.info("request {} filed after its visit ended; ticket not shown", f.ticket());
                        flow.filedAfterVisitEnded(f.filed().requestId());
                        return;
                    }
                    flow.session().setFiling(f);
                    flow.done();
                });
            } catch (FilingException ex) {
                log.warn("submission refused: {}", ex.reason());
                flow.fx().execute(() -> {
                    if (ex.reason() == FilingException.Reason.STORE_FAILED) {
                        flow.outOfService("store");
                        return;
                    }
                    if (!stillHere(visit)) {
                        return;
                    }
                    submitting = false;
                    errorKey = "review.error." + ex.reason().name().toLowerCase(java.util.Locale.ROOT);
                    showState();
                });
            }
        });
    }

    /** True while this screen still shows the visit that submitted. */
    private boolean stillHere(long visit) {
        return flow.nav().current() == this && flow.session().visit() == visit;
    }
}
