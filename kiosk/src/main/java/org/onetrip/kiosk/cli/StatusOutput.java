package org.onetrip.kiosk.cli;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.status.StatusAnswer;
import org.onetrip.kiosk.status.StatusReport;
import org.onetrip.kiosk.ui.Texts;

/**
 * What the status screen would show for an answer, as lines of text in the kiosk's language or as
 * JSON, for {@code kiosk status} and {@code kiosk scan}. The same words as the screen (the same
 * bundles); never the token.
 */
final class StatusOutput {
    /** Exit status for an answer: 0 found, 1 not recognised or too many tries, 3 the store cannot be read. */
    static int exitStatus(StatusAnswer a) {
        if (a instanceof StatusAnswer.Found) {
            return 0;
        }
        return a instanceof StatusAnswer.Unavailable ? 3 : 1;
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Texts texts;
    private final ZoneId zone;

    StatusOutput(Locale locale, ZoneId zone) {
        this.texts = new Texts(locale);
        this.zone = zone;
    }

    void print(StatusAnswer a, boolean json, PrintStream out) {
        out.println(json ? Json.write(jsonOf(a)) : text(a));
    }

    private String message(StatusAnswer a) {
        return texts.get(a instanceof StatusAnswer.TooManyTries ? "status.too-many"
                : a instanceof StatusAnswer.Unavailable ? "status.unavailable" : "status.unknown");
    }

    String text(StatusAnswer a) {
        if (!(a instanceof StatusAnswer.Found found)) {
            return message(a);
        }
        StatusReport r = found.report();
        StringBuilder sb = new StringBuilder();
        if (!r.live()) {
            sb.append(texts.get("status.offline", when(r.lastUpdated()))).append('\n');
        }
        line(sb, texts.get("status.ticket"), r.ticket());
        line(sb, texts.get("status.service"), texts.of(r.serviceName()));
        line(sb, texts.get("status.office"), r.windowName() == null ? r.windowCode()
                : texts.get("status.office.window", texts.of(r.windowName())));
        line(sb, texts.get("status.filed"), when(r.filedAt()));
        if (!r.maskedName().isEmpty()) {
            line(sb, texts.get("status.name"), r.maskedName());
        }
        line(sb, texts.get("status.current"), texts.get("request.status." + r.status().wire()));
        if (r.live()) {
            line(sb, "", texts.get("status.updated", when(r.lastUpdated())));
        }
        sb.append(texts.get("status.history")).append('\n');
        for (StatusReport.Step s : r.history()) {
            sb.append("  ").append(when(s.at())).append("  ").append(texts.get("request.status." + s.status().wire()))
                    .append('\n');
        }
        line(sb, texts.get("status.next"), texts.get("status.next." + r.status().wire()));
        // What to bring as the screen says it: only what staff asked for, then the usual list.
        if (r.documentsAsked()) {
            sb.append(texts.get("status.bring")).append('\n');
            sb.append("  ").append(r.officeNote() != null ? texts.get("status.office-note", r.officeNote())
                    : texts.get("status.bring.no-note")).append('\n');
            if (!r.usualDocuments().isEmpty()) {
                sb.append(texts.get("status.usual")).append('\n');
            }
            for (LocalizedText d : r.usualDocuments()) {
                sb.append("  • ").append(texts.of(d)).append('\n');
            }
        } else {
            if (r.officeNote() != null) {
                sb.append("  ").append(texts.get("status.office-note", r.officeNote())).append('\n');
            }
            if (r.nothingToBringForNow()) {
                sb.append("  ").append(texts.get("status.bring.not-now")).append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(key.isEmpty() ? "" : key).append("  ").append(value).append('\n');
    }

    private String when(java.time.Instant i) {
        return WHEN.format(i.atZone(zone));
    }

    Map<String, Object> jsonOf(StatusAnswer a) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!(a instanceof StatusAnswer.Found found)) {
            m.put("recognised", false);
            m.put("answer", a instanceof StatusAnswer.TooManyTries ? "too_many_tries"
                    : a instanceof StatusAnswer.Unavailable ? "unavailable" : "not_recognised");
            m.put("message", message(a));
            return m;
        }
        StatusReport r = found.report();
        m.put("recognised", true);
        m.put("request_id", r.requestId().toString());
        m.put("ticket", r.ticket());
        m.put("service_code", r.serviceCode());
        m.put("service_name", r.serviceName().byTag());
        m.put("window", r.windowCode());
        m.put("window_name", r.windowName() == null ? null : r.windowName().byTag());
        m.put("filed_at", r.filedAt().toString());
        m.put("masked_name", r.maskedName());
        m.put("status", r.status().wire());
        m.put("status_text", texts.get("request.status." + r.status().wire()));
        m.put("history", r.history().stream().map(s -> Map.of("at", s.at().toString(), "status", s.status().wire()))
                .toList());
        m.put("next_step", texts.get("status.next." + r.status().wire()));
        m.put("documents_asked", r.documentsAsked());
        m.put("office_note", r.officeNote());
        List<Map<String, String>> usual = r.usualDocuments().stream().map(LocalizedText::byTag).toList();
        m.put("usual_documents", usual);
        m.put("live", r.live());
        m.put("last_updated", r.lastUpdated().toString());
        return m;
    }
}
