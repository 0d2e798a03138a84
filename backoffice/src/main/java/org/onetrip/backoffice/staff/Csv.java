package org.onetrip.backoffice.staff;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV export of a list (RFC 4180: comma, CRLF, quotes doubled), UTF-8 with a byte-order mark so a
 * spreadsheet opens Chinese correctly. A cell that starts with {@code = + - @} (or a tab or CR) is
 * prefixed with {@code '}, so a value a resident typed is never run as a spreadsheet formula
 * (OWASP "CSV Injection").
 */
public final class Csv {
    private final StringBuilder sb = new StringBuilder("\uFEFF");

    public Csv row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        sb.append("\r\n");
        return this;
    }

    static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || s.startsWith("'")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    public void send(Context ctx, String filename) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        ctx.contentType("text/csv; charset=utf-8").result(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
