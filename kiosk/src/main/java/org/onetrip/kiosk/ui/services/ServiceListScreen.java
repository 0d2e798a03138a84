package org.onetrip.kiosk.ui.services;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.catalog.ServiceWindow;
import org.onetrip.kiosk.ui.Flow;
import org.onetrip.kiosk.ui.Icons;
import org.onetrip.kiosk.ui.Screen;
import org.onetrip.kiosk.ui.Texts;
import org.onetrip.kiosk.ui.Ui;

/** The services of one window as big buttons, each saying what it needs (card, agent, none). */
public final class ServiceListScreen implements Screen {
    private final Flow flow;
    private final ServiceWindow window;

    public ServiceListScreen(Flow flow, ServiceWindow window) {
        this.flow = flow;
        this.window = window;
    }

    @Override
    public String id() {
        return "services";
    }

    @Override
    public Parent build() {
        Texts t = flow.texts();
        Label title = Ui.label(t.of(window.name()), Ui.TITLE);
        Label sub = Ui.label(t.get("services.subtitle"), Ui.SUBTITLE);

        FlowPane list = new FlowPane(20, 20);
        list.getStyleClass().add("service-list");
        boolean readerUp = flow.usable("idcard");
        for (ServiceDefinition s : flow.kiosk().catalog().servicesOf(window.code())) {
            Button b = new Button();
            b.setId("service-" + s.code());
            b.getStyleClass().addAll("service", "service-" + window.code());
            Label name = Ui.label(t.of(s.name()), "service-name");
            Label desc = Ui.label(t.of(s.description()), "service-desc");
            String needKey = switch (s.identity()) {
                case NONE -> "services.need.none";
                case RESIDENT -> "services.need.card";
                case PROXY -> "services.need.proxy";
            };
            Label need = Ui.label(t.get(needKey), "service-need");
            HBox needRow = new HBox(8, Icons.icon(s.identity() == org.onetrip.kiosk.catalog.IdentityRequirement.NONE
                    ? Icons.CHECK : Icons.ID_CARD, 20), need);
            needRow.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(6, name, desc, needRow);
            if (!readerUp && s.identity() != org.onetrip.kiosk.catalog.IdentityRequirement.NONE) {
                box.getChildren().add(Ui.label(t.get("services.reader-down"), "service-warning"));
            }
            b.setGraphic(box);
            b.prefWidthProperty().bind(list.widthProperty().subtract(20).divide(2));
            b.setOnAction(e -> flow.startService(s));
            list.getChildren().add(b);
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button back = Ui.button("back", t.get("action.back"), Ui.SECONDARY, Icons.BACK);
        back.setOnAction(e -> flow.home());
        HBox actions = Ui.actions(back, Ui.spacer());
        return new VBox(20, new VBox(6, title, sub), scroll, actions);
    }
}
