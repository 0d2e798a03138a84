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
 * "Check my request": asks for the receipt's QR code, then shows where the request stands: first
 * the status, the next step and what to bring (only when staff ask for documents), then the
 * ticket, service, the window handling it, when it was filed and the masked name, then the
 * timeline. When the kiosk has not heard from the back office lately it says the status is the
 * last one known, and since when.
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
    /** The report's scrolling, for Previous and More; null while no report is shown. */
    private org.onetrip.kiosk.ui.TouchScroll reportScroll;

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
            s.key("request.status." + r.status().wire()).key("status.next." + r.status().wire());
            if (r.officeNote() != null) {
                s.key("status.office-note", r.officeNote());
            } else if (r.documentsAsked()) {
                s.key("status.bring.no-note");
            } else if (r.nothingToBringForNow()) {
                s.key("status.bring.not-now");
            }
            s.key("status.ticket").spelled(r.ticket());
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
        reportScroll = null;
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
        if (reportScroll == null) {
            return new VBox(14, title, body, Ui.actions(auto, Ui.spacer(), home));
        }
        // A report longer than the screen is paged as the services are, with Previous and More: the
        // elders' mode cut a long staff note at the fold with only a thin scroll bar to say so.
        List<Button> pages = reportScroll.pageButtons(t);
        if (flow.session().elders()) {
            // The elders' row has no room for the hint beside three large buttons; it says fewer
            // things anyway, and the idle countdown still warns before going home.
            auto.visibleProperty().bind(reportScroll.paged().not());
            auto.managedProperty().bind(auto.visibleProperty());
        }
        return new VBox(14, title, body, Ui.actions(auto, Ui.spacer(), pages.get(0), pages.get(1), home));
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

    /**
     * The report, in the order a resident needs it (review finding 2): where the request stands and
     * what to do next, with what to bring when staff ask for something; then the receipt's facts;
     * then the history. The first part is on screen without scrolling in every mode and language
     * (StatusScreenFoldTest); the history may scroll below.
     */
    private Node report(StatusReport r, Texts t) {
        ZoneId zone = flow.clock().getZone();
        VBox answer = answer(r, t, zone);
        answer.setId("status-answer");
        VBox receipt = card(receiptFacts(r, t, zone));
        VBox history = timeline(r, t, zone);
        VBox page = new VBox(16, answer);
        if (flow.session().elders()) {
            // One column at the larger text: side by side, English words and the ticket broke
            // ("D-00" / "1", ScreenAuditTest).
            page.getChildren().addAll(receipt, history);
        } else {
            // The answer across the screen, so its lines are few; the receipt and its history
            // side by side under it.
            receipt.setPrefWidth(620);
            history.setPrefWidth(520);
            HBox columns = new HBox(16, receipt, history);
            HBox.setHgrow(receipt, Priority.ALWAYS);
            HBox.setHgrow(history, Priority.ALWAYS);
            page.getChildren().add(columns);
        }

        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain-scroll");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setId("status-scroll");
        reportScroll = org.onetrip.kiosk.ui.TouchScroll.install(scroll); // drag anywhere to scroll; a tap still taps
        return scroll;
    }

    /**
     * The state, how current it is, the next step, and what to bring: the note of staff asking for
     * documents first, the service's usual list after it under a heading that says what it is;
     * "nothing to bring for now" while the request waits; no bring block at all once it is done
     * or refused, where staff's own note (where to collect, why not) is all that is said.
     */
    private VBox answer(StatusReport r, Texts t, ZoneId zone) {
        GridPane g = grid();
        int row = 0;
        Label badge = Ui.label(t.get("request.status." + r.status().wire()), BADGE);
        badge.getStyleClass().add("status-" + r.status().wire());
        badge.setId("status-current");
        badge.setMinHeight(Region.USE_PREF_SIZE);
        g.add(key(t.get("status.current")), 0, row);
        g.add(badge, 1, row++);
        String asOf = whole(WHEN.format(r.lastUpdated().atZone(zone)));
        if (r.live()) {
            Label updated = Ui.label(t.get("status.updated", asOf), Ui.HINT);
            updated.setId("status-updated");
            g.add(updated, 1, row++);
        } else {
            // Under the state it qualifies, not above the whole page, where it pushed the answer down.
            Label offline = Ui.label(t.get("status.offline", asOf), BANNER);
            offline.setId("status-offline");
            offline.setMaxWidth(Double.MAX_VALUE);
            g.add(offline, 0, row++, 2, 1);
        }
        Label next = Ui.label(t.get("status.next." + r.status().wire()), "status-next");
        next.setId("status-next");
        g.add(key(t.get("status.next")), 0, row);
        g.add(next, 1, row++);
        VBox card = card(g);
        if (r.documentsAsked()) {
            card.getChildren().add(asked(r, t));
            return card;
        }
        if (r.officeNote() != null) {
            g.add(officeNote(r.officeNote(), t), 1, row++);
        }
        if (r.nothingToBringForNow()) {
            Label none = Ui.label(t.get("status.bring.not-now"), Ui.BODY);
            none.setId("status-bring-none");
            g.add(none, 1, row);
        }
        return card;
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

    /** The receipt's facts: ticket, service, the window handling it, when it was filed, the masked name. */
    private static GridPane receiptFacts(StatusReport r, Texts t, ZoneId zone) {
        GridPane facts = grid();
        int row = 0;
        row = fact(facts, row, t.get("status.ticket"), r.ticket(), "status-ticket", "ticket-small", true);
        row = fact(facts, row, t.get("status.service"), t.of(r.serviceName()), "status-service", null, false);
        row = fact(facts, row, t.get("status.office"), r.windowName() == null ? r.windowCode()
                : t.get("status.office.window", t.of(r.windowName())), "status-office", null, false);
        row = fact(facts, row, t.get("status.filed"), WHEN.format(r.filedAt().atZone(zone)), "status-filed", null, true);
        if (!r.maskedName().isEmpty()) {
            fact(facts, row, t.get("status.name"), r.maskedName(), "status-name", null, false);
        }
        return facts;
    }

    /** Two columns, keys and values; the values take the rest of the width and wrap in it. */
    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(20);
        g.setVgap(8);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE); // "Handled by" must not break into "Handl / ed by"
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(keys, values);
        return g;
    }

    private static Label key(String text) {
        Label k = Ui.label(text, "identity-key");
        k.setWrapText(false);
        return k;
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
        g.add(key(k), 0, row);
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
