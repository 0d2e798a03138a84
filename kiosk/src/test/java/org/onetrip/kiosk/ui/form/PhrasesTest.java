package org.onetrip.kiosk.ui.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.catalog.Attribute;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.catalog.Datatype;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.catalog.ServiceDefinition;

/** How a tapped phrase goes into its field: an address piece joins the text, a sentence is set apart. */
class PhrasesTest {

    private static String apply(String current, int caret, String phrase, boolean piece, boolean chinese) {
        Phrases.Insertion in = Phrases.insert(current, caret, phrase, piece, chinese);
        return current.substring(0, in.from()) + in.text() + current.substring(in.to());
    }

    @Test
    void aPieceOfAnAddressJoinsTheTextBeforeItAtTheCaret() {
        assertThat(apply("", 0, "桐城街道", true, true)).isEqualTo("桐城街道");
        assertThat(apply("桐城街道7", 5, "号楼", true, true)).isEqualTo("桐城街道7号楼");
        assertThat(apply("流美", 2, "社区", true, false)).isEqualTo("流美社区");
        // The caret tapped back after 7: the piece goes there, the rest stays after it.
        assertThat(apply("7301室", 1, "号楼", true, true)).isEqualTo("7号楼301室");
    }

    @Test
    void aSentenceIsSetApartByTheSessionsComma() {
        assertThat(apply("", 0, "路灯不亮", false, true)).isEqualTo("路灯不亮");
        assertThat(apply("路灯不亮", 4, "井盖缺失", false, true)).isEqualTo("路灯不亮，井盖缺失");
        assertThat(apply("路灯不亮。", 5, "井盖缺失", false, true)).isEqualTo("路灯不亮。井盖缺失");
        assertThat(apply("Street light out", 16, "Fallen tree", false, false)).isEqualTo("Street light out, Fallen tree");
        assertThat(apply("Street light out ", 17, "Fallen tree", false, false)).isEqualTo("Street light out, Fallen tree");
        assertThat(apply("Street light out.", 17, "Fallen tree", false, false)).isEqualTo("Street light out. Fallen tree");
        // Put before words already there: a comma after it too.
        assertThat(apply("井盖缺失", 0, "路灯不亮", false, true)).isEqualTo("路灯不亮，井盖缺失");
        assertThat(apply("Fallen tree", 0, "Street light out", false, false)).isEqualTo("Street light out, Fallen tree");
    }

    @Test
    void aPieceIsWrittenInChineseInEitherLanguageASentenceInTheSessions() {
        LocalizedText building = LocalizedText.of("号楼", "building");
        Attribute address = field(Datatype.STRING, building);
        Attribute description = field(Datatype.TEXT, building);
        assertThat(Phrases.written(address, building, false)).isEqualTo("号楼");
        assertThat(Phrases.written(address, building, true)).isEqualTo("号楼");
        assertThat(Phrases.written(description, building, false)).isEqualTo("building");
        assertThat(Phrases.written(description, building, true)).isEqualTo("号楼");
    }

    /**
     * The catalogue keeps to the rule the form reads: a one-line field's phrases are pieces of a
     * name (no sentence marks in them); a sentence's phrases are in a text area.
     */
    @Test
    void theCataloguesOneLineFieldsOfferPiecesAndItsTextAreasSentences() throws Exception {
        List<String> wrong = new ArrayList<>();
        int pieces = 0;
        for (ServiceDefinition s : new CatalogLoader().loadBundled().services()) {
            for (Attribute a : s.attributes()) {
                for (LocalizedText p : a.phrases()) {
                    boolean marks = p.zh().matches(".*[，。！？；：,.!?;:].*");
                    if (Phrases.pieces(a)) {
                        pieces++;
                        if (marks) {
                            wrong.add(s.code() + "." + a.code() + " piece \"" + p.zh() + "\" reads as a sentence");
                        }
                    } else if (a.datatype() != Datatype.TEXT) {
                        wrong.add(s.code() + "." + a.code() + " offers phrases but is " + a.datatype());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(pieces).as("address pieces in the catalogue").isGreaterThan(20);
    }

    private static Attribute field(Datatype type, LocalizedText phrase) {
        return new Attribute("f", type, false, LocalizedText.of("字段", "Field"), LocalizedText.of("", ""), 1, List.of(),
                null, List.of(phrase), false);
    }
}
