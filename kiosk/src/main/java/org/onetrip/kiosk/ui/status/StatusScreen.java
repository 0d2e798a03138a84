package org.onetrip.kiosk.ui.status;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.status.StatusAnswer;
import org.onetrip.kiosk.status.StatusReport;
import org.onetrip.kiosk.ui.Flow;
import org.onetrip.kiosk.ui.Icons;
import org.onetrip.kiosk.ui.Screen;
import org.onetrip.kiosk.ui.Texts;
import org.onetrip.kiosk.ui.Ui;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Check my request": asks for the receipt's QR code, then shows where the request stands: ticket,
 * service, the window handling it, when it was filed, the masked name, the status with its
 * timeline, the next step and what to bring (only when staff ask for documents: their note, then
 * the service's usual list; nothing while the request waits). When the kiosk has not heard
 * from the back office lately it says the status is the last one known, and since when.
 *
 * <p>Every code that is not a receipt of this kiosk gets one calm message that reveals nothing.
 * Look-ups are limited per visit ({@link org.onetrip.kiosk.status.StatusLookup}). Left alone, the
 * screen warns after {@link #returnHomeAfter()} and goes home when the countdown ends. The
 * scanned text is held only while the screen shows and never logged.
 */
public final class StatusScreen implements Screen {
    private static final Logger log = LoggerFactory.getLogger(StatusScreen.class);
    /** Style classes (kiosk.css, section Status). */
    static final String BANNER = "status-banner";
    static final String BADGE = "status-badge";
    static final String STEP = "timeline-step";
    static final String STEP_CURRENT = "current";
    static final String DOT = "timeline-dot";
    static final String SECTION_TITLE = "panel-title";
    /** The longest a result stays on screen untouched. */
    static final Duration SHOW_FOR = Duration.ofSeconds(30);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Flow flow;
    private String scanned;
    /** The payload whose look-up is running or done, so a rebuild (language switch) does not repeat it. */
    private String lookedUp;
    private StatusAnswer answer;

    public StatusScreen(Flow flow, String scanned) {
        this.flow = flow;
        this.scanned = scanned;
    }

    @Override
    public String id() {
        return "status";
    }

    /** What the screen shows now: the prompt, "looking", the ticket and its status, or the calm message. */
    @Override
    public org.onetrip.kiosk.speech.Utterance spoken(Texts t) {
        org.onetrip.kiosk.ui.speech.Spoken s = org.onetrip.kiosk.ui.speech.Spoken.in(t).key("status.title");
        if (scanned == null) {
            s.key("status.prompt");
        } else if (answer == null) {
            s.key("status.looking");
        } else if (answer instanceof StatusAnswer.Found found) {
            StatusReport r = found.report();
            s.key("status.ticket").spelled(r.ticket()).key("request.status." + r.status().wire())
                    .key("status.next." + r.status().wire());
            if (r.officeNote() != null) {
                s.key("status.office-note", r.officeNote());
            } else if (r.documentsAsked()) {
                s.key("status.bring.no-note");
            } else if (!r.status().isFinal()) {
                s.key("status.bring.not-now");
            }
        } else {
            s.key(answer instanceof StatusAnswer.TooManyTries ? "status.too-many"
                    : answer instanceof StatusAnswer.Unavailable ? "status.unavailable" : "status.unknown");
        }
        return s.build();
    }

    /** {@link #SHOW_FOR} untouched, then the countdown with "I need more time" (issue 12). */
    @Override
    public Duration returnHomeAfter() {
        return SHOW_FOR;
    }

    /** Nothing typed is cleared here: the countdown only says the kiosk goes home. */
    @Override
    public String idleNoticeKey() {
        return "idle.countdown.status";
    }

    @Override
    public Parent build() {
        Texts t = flow.texts();
        flow.bridge().scanHandlerProperty().set(this::onScan);
        if (scanned != null && answer == null && !scanned.equals(lookedUp)) {
            lookedUp = scanned;
            lookUp(scanned);
        }
        Label title = Ui.label(t.get("status.title"), Ui.TITLE);
        Node body;
        if (scanned == null) {
            body = prompt(t);
        } else if (answer == null) {
            Label looking = Ui.label(t.get("status.looking"), "identify-prompt");
            looking.setId("status-looking");
            body = centred(Icons.icon(Icons.QR, 120), looking);
        } else if (answer instanceof StatusAnswer.Found found) {
            body = report(found.report(), t);
        } else {
            body = message(answer, t);
        }
        VBox.setVgrow(body, Priority.ALWAYS);
        Label auto = Ui.label(t.get("status.auto-home"), Ui.HINT);
        Button home = Ui.button("finish", t.get("action.home"), Ui.PRIMARY, Icons.HOME);
        home.setOnAction(e -> flow.home());
        return new VBox(14, title, body, Ui.actions(auto, Ui.spacer(), home));
    }

    private Node prompt(Texts t) {
        Label prompt = Ui.label(t.get("status.prompt"), "identify-prompt");
        prompt.setId("status-prompt");
        VBox box = centred(Icons.icon(Icons.QR, 160), prompt);
        if (!flow.usable("scanner")) {
            Label down = Ui.label(t.get("status.scanner-down"), "identify-message");
            down.setId("status-scanner-down");
            box.getChildren().add(down);
        }
        return box;
    }

    /** The one calm answer to anything that is not a receipt of ours, and the two faults. */
    private Node message(StatusAnswer a, Texts t) {
        String key;
        String id;
        if (a instanceof StatusAnswer.TooManyTries) {
            key = "status.too-many";
            id = "status-too-many";
        } else if (a instanceof StatusAnswer.Unavailable) {
            key = "status.unavailable";
            id = "status-unavailable";
        } else {
            key = "status.unknown";
            id = "status-unknown";
        }
        Label text = Ui.label(t.get(key), "identify-message");
        text.setId(id);
        text.setMaxWidth(900);
        return centred(Icons.icon(Icons.WARNING, 96), text);
    }

    private static VBox centred(Node... nodes) {
        VBox box = new VBox(24, nodes);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node report(StatusReport r, Texts t) {
        ZoneId zone = flow.clock().getZone();
        VBox page = new VBox(14);
        if (!r.live()) {
            Label offline = Ui.label(t.get("status.offline", whole(WHEN.format(r.lastUpdated().atZone(zone)))), BANNER);
            offline.setId("status-offline");
            offline.setMaxWidth(Double.MAX_VALUE);
            page.getChildren().add(offline);
        }

        GridPane facts = new GridPane();
        facts.setHgap(20);
        facts.setVgap(6);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE); // "Handled by" must not break into "Handl / ed by"
        facts.getColumnConstraints().add(keys);
        int row = 0;
        row = fact(facts, row, t.get("status.ticket"), r.ticket(), "status-ticket", "ticket-small", true);
        row = fact(facts, row, t.get("status.service"), t.of(r.serviceName()), "status-service", null, false);
        row = fact(facts, row, t.get("status.office"), r.windowName() == null ? r.windowCode()
                : t.get("status.office.window", t.of(r.windowName())), "status-office", null, false);
        row = fact(facts, row, t.get("status.filed"), WHEN.format(r.filedAt().atZone(zone)), "status-filed", null, true);
        if (!r.maskedName().isEmpty()) {
            row = fact(facts, row, t.get("status.name"), r.maskedName(), "status-name", null, false);
        }
        Label badge = Ui.label(t.get("request.status." + r.status().wire()), BADGE);
        badge.getStyleClass().add("status-" + r.status().wire());
        badge.setId("status-current");
        Label currentKey = Ui.label(t.get("status.current"), "identity-key");
        currentKey.setWrapText(false);
        facts.add(currentKey, 0, row);
        facts.add(badge, 1, row);
        if (r.live()) {
            Label updated = Ui.label(t.get("status.updated", whole(WHEN.format(r.lastUpdated().atZone(zone)))), Ui.HINT);
            updated.setId("status-updated");
            facts.add(updated, 1, row + 1);
        }
        VBox receipt = card(facts);

        Label next = Ui.label(t.get("status.next." + r.status().wire()), "status-next");
        next.setId("status-next");
        VBox todo = card(Ui.label(t.get("status.next"), SECTION_TITLE), next);
        if (r.documentsAsked()) {
            todo.getChildren().add(asked(r, t));
        } else {
            if (r.officeNote() != null) {
                todo.getChildren().add(officeNote(r.officeNote(), t));
            }
            if (!r.status().isFinal()) {
                Label none = Ui.label(t.get("status.bring.not-now"), Ui.BODY);
                none.setId("status-bring-none");
                todo.getChildren().add(none);
            }
        }

        VBox history = timeline(r, t, zone);
        if (flow.session().elders()) {
            // The elders' mode: one card under the other, what to do now second. At its larger text
            // three columns broke English words and the ticket inside ("D-00" / "1", ScreenAuditTest).
            page.getChildren().add(new VBox(16, receipt, todo, history));
        } else {
            // Three columns side by side fit a landscape kiosk screen without scrolling: the receipt,
            // the timeline, and what to do now.
            receipt.setPrefWidth(450);
            history.setPrefWidth(320);
            todo.setPrefWidth(430);
            HBox columns = new HBox(16, receipt, history, todo);
            for (Node c : columns.getChildren()) {
                HBox.setHgrow(c, Priority.ALWAYS);
            }
            page.getChildren().add(columns);
        }

        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain-scroll");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setId("status-scroll");
        org.onetrip.kiosk.ui.TouchScroll.install(scroll); // drag anywhere to scroll; a tap still taps
        return scroll;
    }

    /** The history top to bottom, oldest first, the current step marked. */
    private VBox timeline(StatusReport r, Texts t, ZoneId zone) {
        VBox steps = new VBox(0);
        steps.setId("status-timeline");
        List<StatusReport.Step> history = r.history();
        for (int i = 0; i < history.size(); i++) {
            StatusReport.Step s = history.get(i);
            Region dot = new Region();
            dot.getStyleClass().add(DOT);
            Label what = Ui.label(t.get("request.status." + s.status().wire()), Ui.BODY);
            Label when = Ui.label(WHEN.format(s.at().atZone(zone)), Ui.HINT);
            HBox step = new HBox(12, dot, new VBox(0, what, when));
            step.setAlignment(Pos.TOP_LEFT);
            step.getStyleClass().add(STEP);
            if (i == history.size() - 1) {
                step.getStyleClass().add(STEP_CURRENT);
            }
            steps.getChildren().add(step);
        }
        return card(Ui.label(t.get("status.history"), SECTION_TITLE), steps);
    }

    /** What staff asked for, first; then the service's usual list, said to be only that. */
    private VBox asked(StatusReport r, Texts t) {
        VBox box = new VBox(6, Ui.label(t.get("status.bring"), SECTION_TITLE));
        box.setId("status-bring");
        box.getStyleClass().add("status-bring");
        if (r.officeNote() != null) {
            box.getChildren().add(officeNote(r.officeNote(), t));
        } else {
            Label ask = Ui.label(t.get("status.bring.no-note"), "status-note");
            ask.setId("status-no-note");
            box.getChildren().add(ask);
        }
        if (!r.usualDocuments().isEmpty()) {
            Label usual = Ui.label(t.get("status.usual"), Ui.HINT);
            usual.setId("status-usual");
            VBox.setMargin(usual, new Insets(8, 0, 0, 0));
            box.getChildren().add(usual);
            for (LocalizedText d : r.usualDocuments()) {
                box.getChildren().add(Ui.bullet(t.of(d)));
            }
        }
        return box;
    }

    private static Label officeNote(String note, Texts t) {
        Label n = Ui.label(t.get("status.office-note", note), "status-note");
        n.setId("status-office-note");
        return n;
    }

    private static VBox card(Node... nodes) {
        VBox c = new VBox(10, nodes);
        c.getStyleClass().add(Ui.CARD);
        return c;
    }

    /**
     * A time inside a sentence, kept on one line: non-breaking hyphens (U+2011, which Noto Sans CJK
     * draws) and a no-break space, so a wrapped sentence never ends on "2026-11-" (ScreenAuditTest).
     */
    static String whole(String time) {
        return time.replace('-', '\u2011').replace(' ', '\u00A0');
    }

    /** A row of the receipt's facts; {@code whole}: a code or a time, never broken across lines. */
    private static int fact(GridPane g, int row, String k, String v, String id, String style, boolean whole) {
        Label val = Ui.label(v, style == null ? "identity-value" : style);
        val.setId(id);
        if (whole) {
            Ui.unbroken(val);
        }
        Label key = Ui.label(k, "identity-key");
        key.setWrapText(false);
        g.add(key, 0, row);
        g.add(val, 1, row);
        return row + 1;
    }

    private void onScan(String payload) {
        if (payload.equals(scanned) && answer instanceof StatusAnswer.Found) {
            log.info("the receipt shown was scanned again; not looked up again");
            return;
        }
        scanned = payload;
        lookedUp = null;
        answer = null;
        flow.nav().rebuild();
    }

    private void lookUp(String payload) {
        long visit = flow.session().visit();
        flow.background().execute(() -> {
            StatusAnswer a = flow.statusLookup().lookUp(payload, visit);
            flow.fx().execute(() -> {
                if (payload.equals(scanned) && answer == null) {
                    answer = a;
                    if (flow.nav().current() == this) {
                        flow.nav().rebuild();
                    }
                }
            });
        });
    }

    @Override
    public void dispose() {
        scanned = null;
        lookedUp = null;
        answer = null;
        flow.bridge().scanHandlerProperty().set(null);
    }
}
