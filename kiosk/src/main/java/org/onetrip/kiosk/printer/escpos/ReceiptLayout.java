package org.onetrip.kiosk.printer.escpos;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.printer.Receipt;
import org.onetrip.kiosk.printer.escpos.EscPos.Align;

/**
 * A {@link Receipt} as one ESC/POS job for 58 or 80 mm paper. Top to bottom: centre name, ticket
 * and window in double size; service, date and time, the masked name (and, for a proxy filing,
 * the agent's masked name and village); the documents to bring;
 * the status QR; the centre's hours and phone. With {@code secondLocale} set, each text in the
 * second language follows the first. Lines are wrapped by display width; a line with a character
 * the printer's font lacks is sent as a raster image of that line.
 *
 * <p>The job starts with {@code ESC @} and {@code FS &} so it prints the same whatever state an
 * earlier, perhaps interrupted, job left the printer in.
 */
public final class ReceiptLayout {
    static final LocalizedText TICKET = LocalizedText.of("回执号", "Ticket");
    static final LocalizedText SERVICE = LocalizedText.of("要办的事", "Service");
    static final LocalizedText TIME = LocalizedText.of("时间", "Time");
    static final LocalizedText APPLICANT = LocalizedText.of("申请人", "Applicant");
    static final LocalizedText AGENT = LocalizedText.of("代办员", "Proxy agent");
    static final LocalizedText VILLAGE = LocalizedText.of("代办员所在村（社区）", "Agent's village");
    static final LocalizedText DOCUMENTS = LocalizedText.of("请带上这些材料", "Please bring");
    static final LocalizedText SCAN = LocalizedText.of("扫码看看办得怎么样了", "Scan to follow your request");
    static final LocalizedText PHONE = LocalizedText.of("电话", "Phone");
    static final LocalizedText KIOSK = LocalizedText.of("自助机", "Kiosk");

    static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PrinterProfile profile;

    public ReceiptLayout(PrinterProfile profile) {
        this.profile = profile;
    }

    public PrinterProfile profile() {
        return profile;
    }

    /** The job's bytes. */
    public byte[] render(Receipt r) {
        Locale first = r.locale() == null ? Locale.SIMPLIFIED_CHINESE : r.locale();
        Locale second = r.secondLocale() == null
                || r.secondLocale().getLanguage().equals(first.getLanguage()) ? null : r.secondLocale();
        Job job = new Job();
        EscPosEncoder e = job.e;

        e.init().chineseMode(true).align(Align.CENTER);
        job.big(true);
        job.wrapped(text(r.centreName(), first));
        job.big(false);
        job.secondWrapped(r.centreName(), first, second);
        job.rule();

        job.wrapped(both(TICKET, first, second));
        job.big(true);
        job.wrapped(r.ticket());
        job.wrapped(text(r.windowName(), first));
        job.big(false);
        job.secondWrapped(r.windowName(), first, second);
        job.rule();

        e.align(Align.LEFT);
        job.wrapped(labelled(text(SERVICE, first), first, text(r.serviceName(), first)));
        if (second != null && !same(r.serviceName(), first, second)) {
            job.wrapped(labelled(text(SERVICE, second), second, text(r.serviceName(), second)));
        }
        if (r.filedAt() != null) {
            job.wrapped(labelled(both(TIME, first, second), first, TIME_FORMAT.format(r.filedAt())));
        }
        if (!r.maskedName().isBlank()) {
            job.wrapped(labelled(both(APPLICANT, first, second), first, r.maskedName()));
        }
        if (r.agent() != null) {
            // A proxy filing: who filed it for the resident, so the office and the resident know whom to ask.
            job.wrapped(labelled(both(AGENT, first, second), first, r.agent().maskedName()));
            job.wrapped(labelled(text(VILLAGE, first), first, text(r.agent().village(), first)));
            if (second != null) {
                job.wrapped(labelled(text(VILLAGE, second), second, text(r.agent().village(), second)));
            }
        }

        if (!r.documents().isEmpty()) {
            job.rule();
            job.wrapped(text(DOCUMENTS, first) + colon(first));
            if (second != null) {
                job.wrapped(text(DOCUMENTS, second) + colon(second));
            }
            int n = 1;
            for (LocalizedText doc : r.documents()) {
                String number = n++ + ". ";
                job.hanging(number, text(doc, first));
                if (second != null && !same(doc, first, second)) {
                    job.hanging(" ".repeat(number.length()), text(doc, second));
                }
            }
        }

        e.align(Align.CENTER);
        if (r.statusUrl() != null && !r.statusUrl().isBlank()) {
            // A blank line above and below: the quiet zone a scanner needs (30 dots = 5 modules).
            e.lf();
            if (profile.nativeQr()) {
                e.qr(r.statusUrl(), profile.qrModuleDots(), profile.qrLevel());
            } else {
                e.rasterQr(r.statusUrl(), profile.qrModuleDots(), profile.qrLevel());
            }
            e.lf();
            job.wrapped(text(SCAN, first));
            job.secondWrapped(SCAN, first, second);
        }

        job.rule();
        job.wrapped(text(r.centreHours(), first));
        job.secondWrapped(r.centreHours(), first, second);
        if (!r.centrePhone().isBlank()) {
            job.wrapped(labelled(both(PHONE, first, second), first, r.centrePhone()));
        }
        if (r.kioskId() != null && !r.kioskId().isBlank()) {
            job.wrapped(labelled(both(KIOSK, first, second), first, r.kioskId()));
        }
        e.cut(profile.cut(), profile.feedBeforeCut());
        return e.toBytes();
    }

    /** Byte count of {@code r}'s job, for the benchmark and the size bound. */
    public int size(Receipt r) {
        return render(r).length;
    }

    /** Mutable state while one job is built: the encoder and the current character size. */
    private final class Job {
        final EscPosEncoder e = new EscPosEncoder(profile.hanziFont());
        int mul = 1;

        void big(boolean on) {
            mul = on ? 2 : 1;
            if (on) {
                e.bold(true).size(2, 2);
            } else {
                e.size(1, 1).bold(false);
            }
        }

        void rule() {
            e.line("-".repeat(profile.columns()));
        }

        void wrapped(String text) {
            if (text == null || text.isBlank()) {
                return;
            }
            for (String line : TextWidth.wrap(text, profile.columns() / mul)) {
                emit(line);
            }
        }

        /** Text in the second language, when there is one and it differs from the first. */
        void secondWrapped(LocalizedText t, Locale first, Locale second) {
            if (second != null && t != null && !same(t, first, second)) {
                wrapped(text(t, second));
            }
        }

        /** {@code prefix} then {@code text}, continued lines indented under the text. */
        void hanging(String prefix, String text) {
            if (text.isBlank()) {
                return;
            }
            int indent = TextWidth.of(prefix);
            List<String> lines = TextWidth.wrap(text, profile.columns() / mul - indent);
            for (int i = 0; i < lines.size(); i++) {
                emit((i == 0 ? prefix : " ".repeat(indent)) + lines.get(i));
            }
        }

        private void emit(String line) {
            if (Gb18030.unprintable(line, profile.hanziFont()).isEmpty()) {
                e.line(line);
            } else {
                e.rasterText(line, mul, mul, mul > 1, profile.paperDots());
            }
        }
    }

    private static String text(LocalizedText t, Locale l) {
        return t == null ? "" : t.get(l);
    }

    private static boolean same(LocalizedText t, Locale first, Locale second) {
        return text(t, first).equals(text(t, second));
    }

    /** "回执号 Ticket": a label in both languages, for values that need no translation. */
    private static String both(LocalizedText label, Locale first, Locale second) {
        return second == null ? text(label, first) : text(label, first) + " " + text(label, second);
    }

    private static String labelled(String label, Locale l, String value) {
        return label + colon(l) + value;
    }

    /** A full-width colon after a Chinese label, ": " after a Latin one. */
    private static String colon(Locale l) {
        return l.getLanguage().equals("zh") ? "：" : ": ";
    }
}
