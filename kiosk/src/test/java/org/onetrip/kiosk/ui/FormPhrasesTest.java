package org.onetrip.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onetrip.kiosk.idcard.FictionalCards;

/**
 * The common phrases under a field, tapped between keys, write what staff can use: an address's
 * pieces (桐城街道, 号楼, 室) join the text before them as a Chinese address, in Chinese in either
 * language; a description's whole sentences keep their comma. Before the fix every chip appended
 * "，" or ", " and its text in the session's language: "7" then 号楼 gave "7，号楼", and an English
 * session wrote "building" into the address.
 */
class FormPhrasesTest extends KioskUiTestBase {

    private void english(String lang) {
        awaitScreen("home");
        if (lang.equals("en")) {
            tap("#language");
            await("English", () -> !ui.flow().texts().isChinese());
        }
    }

    private void visible(String query) {
        await(query + " shown", () -> lookup(query).tryQuery().map(Node::isVisible).orElse(false));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "en"})
    void anAddressIsBuiltFromItsPiecesAsAChineseAddress(String lang) {
        english(lang);
        openForm("livelihood", "residence-certificate", FictionalCards.LAI_JIAJIA);
        tap("#phrase-address-0"); // 桐城街道
        assertThat(text("#field-address")).isEqualTo("桐城街道");
        tap("#field-address");
        visible("#keyboard");
        typeOnPad("7");
        tap("#phrase-address-4"); // 号楼
        assertThat(text("#field-address")).isEqualTo("桐城街道7号楼");
        // A chip is tapped like a key: the field keeps the focus, and the keyboard stays.
        assertThat(lookup("#field-address").query().isFocused()).isTrue();
        visible("#keyboard");
        typeOnPad("301");
        tap("#phrase-address-6"); // 室
        assertThat(text("#field-address")).isEqualTo("桐城街道7号楼301室");
        assertThat(ui.flow().session().values()).containsEntry("address", "桐城街道7号楼301室");
        // The chip writes 号楼; in English it says what that means beside it.
        Labeled chip = lookup("#phrase-address-4").query();
        assertThat(chip.getText()).isEqualTo("号楼");
        if (lang.equals("en")) {
            assertThat(chip.getGraphic()).isInstanceOf(Labeled.class);
            assertThat(((Labeled) chip.getGraphic()).getText()).isEqualTo("building");
        } else {
            assertThat(chip.getGraphic()).isNull();
        }
        tap("#key-done");
        await("the keyboard to go", () -> !lookup("#keyboard").tryQuery().map(Node::isVisible).orElse(false));
        interact(() -> KioskUiTestBase.scrollIntoView(lookup("#card-address").query()));
        snapshot("form-phrases-address-" + lang);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "en"})
    void aDescriptionsSentencesKeepTheirComma(String lang) {
        english(lang);
        openForm("opinion", "hazard-report", null);
        tap("#phrase-description-0");
        tap("#phrase-description-1");
        assertThat(text("#field-description"))
                .isEqualTo(lang.equals("en") ? "Street light out, Manhole cover missing" : "路灯不亮，井盖缺失");
        snapshot("form-phrases-description-" + lang);
    }
}
