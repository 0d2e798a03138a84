package org.onetrip.kiosk.ui.services;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.onetrip.kiosk.catalog.IdentityRequirement;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.catalog.ServiceWindow;
import org.onetrip.kiosk.ui.Flow;
import org.onetrip.kiosk.ui.Icons;
import org.onetrip.kiosk.ui.Screen;
import org.onetrip.kiosk.ui.Texts;
import org.onetrip.kiosk.ui.TouchScroll;
import org.onetrip.kiosk.ui.Ui;

/**
 * The services of one window as cards in two columns, each saying what it needs (card, agent,
 * none). The list scrolls under a finger anywhere ({@link TouchScroll}: a drag scrolls and opens
 * nothing, a tap opens), by wheel, and by big page buttons shown when it is longer than the screen.
 */
public final class ServiceListScreen implements Screen {
    private static final double GAP = 20;
    /**
     * The elders' pages' gap, with their cards' smaller padding (elders.css): two short Chinese cards
     * missed a page by 12 px, so every page held one and a window took up to nine.
     */
    private static final double ELDERS_GAP = 12;
    private final Flow flow;
    private final ServiceWindow window;
    /** The first service of the elders' mode's page shown: a rebuild (a language switch) keeps it. */
    private int firstShown;

    public ServiceListScreen(Flow flow, ServiceWindow window) {
        this.flow = flow;
        this.window = window;
    }

    @Override
    public String id() {
        return "services";
    }

    @Override
    public org.onetrip.kiosk.speech.Utterance spoken(Texts t) {
        return org.onetrip.kiosk.ui.speech.Spoken.in(t).text(t.of(window.name())).key("services.subtitle").build();
    }

    @Override
    public Parent build() {
        if (flow.session().elders()) {
            return pages(flow.texts());
        }
        Texts t = flow.texts();
        Label title = Ui.label(t.of(window.name()), Ui.TITLE);
        Label sub = Ui.label(t.get("services.subtitle"), Ui.SUBTITLE);

        GridPane list = new GridPane();
        list.setId("service-list");
        list.getStyleClass().add("service-list");
        list.setHgap(GAP);
        list.setVgap(GAP);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            cc.setFillWidth(true);
            list.getColumnConstraints().add(cc);
        }
        boolean readerUp = flow.usable("idcard");
        int i = 0;
        for (ServiceDefinition s : flow.kiosk().catalog().servicesOf(window.code())) {
            list.add(card(s, t, readerUp), i % 2, i / 2);
            i++;
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setId("service-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("plain-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        TouchScroll touch = TouchScroll.install(scroll);

        Button back = Ui.button("back", t.get("action.back"), Ui.SECONDARY, Icons.BACK);
        back.setOnAction(e -> flow.home());
        List<Button> pages = touch.pageButtons(t);
        HBox actions = Ui.actions(back, Ui.spacer(), pages.get(0), pages.get(1));
        return new VBox(20, new VBox(6, title, sub), scroll, actions);
    }

    /**
     * The elders' mode (issue 12): the services in one column, a page at a time, as many to a page
     * as fit whole ({@link CardPages}), with big Previous and More buttons instead of a list to
     * drag: fewer things to read, nothing to scroll.
     */
    private Parent pages(Texts t) {
        Label title = Ui.label(t.of(window.name()), Ui.TITLE);
        Label sub = Ui.label(t.get("services.subtitle"), Ui.SUBTITLE);
        boolean readerUp = flow.usable("idcard");
        List<Button> cards = new java.util.ArrayList<>();
        for (ServiceDefinition s : flow.kiosk().catalog().servicesOf(window.code())) {
            cards.add(card(s, t, readerUp));
        }
        CardPages list = new CardPages(cards, ELDERS_GAP, firstShown);
        list.setId("service-list");
        list.getStyleClass().addAll("service-list", "service-pages");
        // Only a card taller than the whole room scrolls (CardPages); the others are paged.
        ScrollPane scroll = new ScrollPane(list);
        scroll.setId("service-scroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("plain-scroll");
        TouchScroll.installDragOnly(scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Button back = Ui.button("back", t.get("action.back"), Ui.SECONDARY, Icons.BACK);
        back.setOnAction(e -> flow.home());
        Label where = Ui.label("", Ui.BODY);
        where.setId("services-page");
        where.setMinWidth(Region.USE_PREF_SIZE);
        Button up = Ui.button("page-up", t.get("action.page-up"), Ui.SECONDARY, Icons.ARROW_UP);
        up.setOnAction(e -> turn(list, -1));
        Button down = Ui.button("page-down", t.get("action.page-down"), Ui.PRIMARY, Icons.ARROW_DOWN);
        down.setOnAction(e -> turn(list, 1));
        HBox actions = Ui.actions(back, Ui.spacer(), up, where, down);
        // The pages are known once the list is laid out, and again at every reflow.
        Runnable paging = () -> {
            int p = list.pageProperty().get();
            int n = list.pagesProperty().get();
            where.setText(t.get("services.page", p + 1, n));
            up.setDisable(p == 0);
            down.setDisable(p >= n - 1);
            for (javafx.scene.Node b : new javafx.scene.Node[] {up, where, down}) {
                b.setVisible(n > 1);
                b.setManaged(n > 1);
            }
        };
        list.pageProperty().addListener((o, a, b) -> paging.run());
        list.pagesProperty().addListener((o, a, b) -> paging.run());
        paging.run();
        HBox heading = new HBox(24, title, sub);
        heading.setAlignment(Pos.BASELINE_LEFT);
        return new VBox(16, heading, scroll, actions);
    }

    private void turn(CardPages list, int by) {
        list.turn(by);
        firstShown = list.firstShown();
    }

    /**
     * One service as a button whose only content is its graphic: with the default content display
     * (LEFT), a labeled subtracts its graphic's one-line width from the width it wraps the graphic
     * in, so the texts wrapped at a few pixels and each card grew to 1,300 px (issue 10).
     */
    private Button card(ServiceDefinition s, Texts t, boolean readerUp) {
        Button b = new Button();
        b.setId("service-" + s.code());
        b.getStyleClass().addAll("service", "service-" + window.code());
        b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        b.setWrapText(true); // a horizontal content bias: the grid asks the height for the column's width
        b.setMaxWidth(Double.MAX_VALUE);
        b.setMaxHeight(Double.MAX_VALUE);
        Label name = Ui.label(t.of(s.name()), "service-name");
        Label desc = Ui.label(t.of(s.description()), "service-desc");
        String needKey = switch (s.identity()) {
            case NONE -> "services.need.none";
            case RESIDENT -> "services.need.card";
            case PROXY -> "services.need.proxy";
        };
        Label need = Ui.label(t.get(needKey), "service-need");
        HBox needRow = new HBox(8, Icons.icon(s.identity() == IdentityRequirement.NONE ? Icons.CHECK : Icons.ID_CARD, 20), need);
        needRow.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, name, desc, needRow);
        box.setFillWidth(true);
        if (!readerUp && s.identity() != IdentityRequirement.NONE) {
            box.getChildren().add(Ui.label(t.get("services.reader-down"), "service-warning"));
        }
        b.setGraphic(box);
        if (s.identity() == IdentityRequirement.PROXY && flow.kiosk().filing().agents().isEmpty()) {
            // No agents registered (the profile names no agents file): every proxy filing would be
            // refused at the identify screen, after the resident walked there. Say so on the card,
            // and a tap opens nothing.
            Label unavailable = Ui.label(t.get("services.no-agents"), "service-warning");
            unavailable.setId("service-unavailable-" + s.code());
            box.getChildren().add(unavailable);
            b.getStyleClass().add("unavailable");
            b.setOnAction(e -> { });
            return b;
        }
        b.setOnAction(e -> flow.startService(s));
        return b;
    }
}
