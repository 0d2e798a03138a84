package org.onetrip.kiosk.ui.identify;

import java.time.LocalDate;
import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.onetrip.kiosk.catalog.IdentityRequirement;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.idcard.CardCheck;
import org.onetrip.kiosk.idcard.CardEvent;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.proxy.AgentCheck;
import org.onetrip.kiosk.proxy.ProxyAgent;
import org.onetrip.kiosk.ui.Flow;
import org.onetrip.kiosk.ui.Icons;
import org.onetrip.kiosk.ui.Screen;
import org.onetrip.kiosk.ui.Texts;
import org.onetrip.kiosk.ui.Ui;

/**
 * "Place your ID card on the reader", with an animation of a card settling onto the reader. A
 * proxy service asks for the agent's card first, then the resident's. Refused cards are explained
 * and the screen keeps waiting for another try.
 */
public final class IdentifyScreen implements Screen {
    private final Flow flow;
    private Timeline animation;
    private Label message;
    private Label step;
    private Button bookAgent;

    public IdentifyScreen(Flow flow) {
        this.flow = flow;
    }

    @Override
    public String id() {
        return "identify";
    }

    /** The service, which card is wanted now (the agent's or the resident's), and how to place it. */
    @Override
    public org.onetrip.kiosk.speech.Utterance spoken(Texts t) {
        return org.onetrip.kiosk.ui.speech.Spoken.in(t).text(t.of(flow.session().service().name())).text(step == null ? "" : step.getText())
                .key("identify.prompt").build();
    }

    private boolean waitingForAgent() {
        return flow.session().service().identity() == IdentityRequirement.PROXY && flow.session().agent() == null;
    }

    @Override
    public Parent build() {
        Texts t = flow.texts();
        boolean proxy = flow.session().service().identity() == IdentityRequirement.PROXY;
        Label title = Ui.label(t.of(flow.session().service().name()), Ui.TITLE);
        step = Ui.label("", "identify-step");
        step.setId("identify-step");
        Label prompt = Ui.label(t.get("identify.prompt"), "identify-prompt");
        message = Ui.label("", "identify-message");
        message.setId("identify-message");
        // A refusal explains itself in a sentence or two: wrapped, never cut short with "…".
        message.setWrapText(true);
        message.setMaxWidth(1000);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        step.setWrapText(true);
        step.setMaxWidth(1000);
        for (Label l : new Label[] {step, message}) {
            l.setAlignment(Pos.CENTER);
            l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        }
        updateStep(t, proxy);

        VBox centre = new VBox(28, step, cardAnimation(), prompt, message);
        centre.setAlignment(Pos.CENTER);
        VBox.setVgrow(centre, Priority.ALWAYS);

        Button back = Ui.button("back", t.get("action.back"), Ui.SECONDARY, Icons.BACK);
        back.setOnAction(e -> flow.backToServices());
        // Offered when the card is no agent's: booking one is the way on (the refusal says so).
        bookAgent = Ui.button("book-agent", "", Ui.SECONDARY, Icons.PERSON);
        bookAgent.setVisible(false);
        bookAgent.managedProperty().bind(bookAgent.visibleProperty());
        flow.bridge().cardHandlerProperty().set(this::onCard);
        return new VBox(20, title, centre, Ui.actions(back, Ui.spacer(), bookAgent));
    }

    private void updateStep(Texts t, boolean proxy) {
        if (!proxy) {
            step.setText(t.get("identify.step.resident"));
        } else if (flow.session().agent() == null) {
            step.setText(t.get("identify.step.agent"));
        } else {
            step.setText(t.get("identify.step.proxied", agentWho(t)));
        }
    }

    /** "詹**（柯岭村）": the accepted agent, masked, with the registered village. */
    private String agentWho(Texts t) {
        ProxyAgent reg = flow.session().agentRegistration();
        String name = flow.session().agent().maskedName();
        return reg == null ? name : t.get("identify.agent.who", name, t.of(reg.village()));
    }

    private Pane cardAnimation() {
        Region reader = new Region();
        reader.getStyleClass().add("reader-pad");
        reader.setPrefSize(260, 60);
        reader.setMaxSize(260, 60);
        Region card = Icons.icon(Icons.ID_CARD, 120);
        card.getStyleClass().add("reader-card");
        StackPane stage = new StackPane(reader, card);
        stage.setPrefSize(320, 240);
        stage.setMaxSize(320, 240);
        StackPane.setAlignment(reader, Pos.BOTTOM_CENTER);
        StackPane.setAlignment(card, Pos.TOP_CENTER);
        animation = new Timeline(
                new KeyFrame(Duration.ZERO, new KeyValue(card.translateYProperty(), 0, Interpolator.EASE_BOTH),
                        new KeyValue(card.opacityProperty(), 1.0)),
                new KeyFrame(Duration.seconds(1.4), new KeyValue(card.translateYProperty(), 90, Interpolator.EASE_BOTH)),
                new KeyFrame(Duration.seconds(2.2), new KeyValue(card.translateYProperty(), 90),
                        new KeyValue(card.opacityProperty(), 1.0)),
                new KeyFrame(Duration.seconds(2.6), new KeyValue(card.opacityProperty(), 0.0)));
        animation.setCycleCount(Animation.INDEFINITE);
        animation.play();
        HBox box = new HBox(stage);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private void onCard(CardEvent event) {
        Texts t = flow.texts();
        if (event instanceof CardEvent.ReadFailed f) {
            message.setText(t.get(f.transientFailure() ? "identify.error.transient" : "identify.error.read"));
            message.getStyleClass().setAll("identify-message", "error");
            return;
        }
        if (!(event instanceof CardEvent.Presented p)) {
            return;
        }
        Identity id = p.identity();
        CardCheck.Rejection r = CardCheck.check(id, LocalDate.now(flow.clock()));
        if (r != null) {
            message.setText(t.get("identify.error." + r.name().toLowerCase(java.util.Locale.ROOT)));
            message.getStyleClass().setAll("identify-message", "error");
            return;
        }
        boolean proxy = flow.session().service().identity() == IdentityRequirement.PROXY;
        if (waitingForAgent()) {
            // Only a registered agent may file for someone else; anyone else is told why, kindly,
            // and the screen keeps waiting (FilingService checks the same again before filing).
            AgentCheck check = flow.kiosk().filing().agents().check(id, LocalDate.now(flow.clock()));
            if (!check.accepted()) {
                String key = "identify.agent.refused." + check.refusal().name().toLowerCase(java.util.Locale.ROOT);
                var booking = check.refusal() == AgentCheck.Refusal.NOT_REGISTERED
                        ? flow.kiosk().catalog().service(ServiceCatalog.PROXY_APPOINTMENT) : java.util.Optional.<ServiceDefinition>empty();
                if (booking.isPresent()) {
                    String name = t.of(booking.get().name());
                    message.setText(t.get(key + ".book", name));
                    bookAgent.setText(name);
                    bookAgent.setOnAction(e -> flow.startService(booking.get()));
                } else {
                    message.setText(t.get(key));
                }
                bookAgent.setVisible(booking.isPresent());
                message.getStyleClass().setAll("identify-message", "error");
                return;
            }
            bookAgent.setVisible(false);
            flow.session().setAgent(id, check.agent());
            message.setText(t.get("identify.agent.ok"));
            message.getStyleClass().setAll("identify-message", "ok");
            updateStep(t, true);
            return;
        }
        if (proxy && flow.session().agent().idNumber().equals(id.idNumber())) {
            message.setText(t.get("identify.error.same-person"));
            message.getStyleClass().setAll("identify-message", "error");
            return;
        }
        flow.session().setResident(id);
        flow.identified();
    }

    @Override
    public void dispose() {
        if (animation != null) {
            animation.stop();
        }
        flow.bridge().cardHandlerProperty().set(e -> { });
    }
}
