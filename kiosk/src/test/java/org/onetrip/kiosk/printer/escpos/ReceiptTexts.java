package org.onetrip.kiosk.printer.escpos;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.onetrip.kiosk.catalog.Attribute;
import org.onetrip.kiosk.catalog.AttributeValue;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.catalog.ServiceWindow;
import org.onetrip.kiosk.config.KioskConfig;

/**
 * Every text a receipt may carry, from the bundled catalogue and the profiles (and the rest of the
 * catalogue's texts, for breadth), and ICU's dictionary segmentation of Chinese as the oracle
 * for "a word".
 */
final class ReceiptTexts {
    private ReceiptTexts() {
    }

    static List<LocalizedText> all() {
        ServiceCatalog c = new CatalogLoader().loadBundled();
        List<LocalizedText> out = new ArrayList<>();
        for (ServiceWindow w : c.windows()) {
            out.add(w.name());
            out.add(w.description());
        }
        for (ServiceDefinition s : c.services()) {
            out.add(s.name());
            out.add(s.description());
            out.addAll(s.documents());
            for (Attribute a : s.attributes()) {
                out.add(a.description());
            out.addAll(a.phrases());
                for (AttributeValue v : a.values()) {
                    out.add(v.name());
                }
            }
        }
        KioskConfig sim = KioskConfig.simulator();
        out.add(LocalizedText.of(sim.centreName(Locale.SIMPLIFIED_CHINESE), sim.centreName(Locale.ENGLISH)));
        out.add(LocalizedText.of(sim.centreHours(Locale.SIMPLIFIED_CHINESE), sim.centreHours(Locale.ENGLISH)));
        for (LocalizedText l : List.of(ReceiptLayout.TICKET, ReceiptLayout.SERVICE, ReceiptLayout.TIME, ReceiptLayout.APPLICANT,
                ReceiptLayout.AGENT, ReceiptLayout.VILLAGE, ReceiptLayout.DOCUMENTS, ReceiptLayout.SCAN, ReceiptLayout.PHONE,
                ReceiptLayout.KIOSK)) {
            out.add(l);
        }
        out.removeIf(t -> t == null);
        return out;
    }

    /** ICU's words of {@code text}: the boundaries as indexes into it. */
    static TreeSet<Integer> icuBoundaries(String text) {
        BreakIterator words = BreakIterator.getWordInstance(ULocale.SIMPLIFIED_CHINESE);
        words.setText(text);
        TreeSet<Integer> b = new TreeSet<>();
        for (int i = words.first(); i != BreakIterator.DONE; i = words.next()) {
            b.add(i);
        }
        return b;
    }

    /** ICU's Chinese words of two or more characters in {@code text}. */
    static List<String> icuWords(String text) {
        List<String> out = new ArrayList<>();
        Integer prev = null;
        for (int i : icuBoundaries(text)) {
            if (prev != null) {
                String w = text.substring(prev, i);
                if (w.codePointCount(0, w.length()) >= 2 && w.codePoints().allMatch(TextWidth::isHan)) {
                    out.add(w);
                }
            }
            prev = i;
        }
        return out;
    }
}
