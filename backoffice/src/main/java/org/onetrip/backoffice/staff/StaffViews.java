package org.onetrip.backoffice.staff;

import java.util.List;
import org.onetrip.backoffice.web.Text;

/** What the staff templates (src/main/jte/staff) are given: plain values, already in the page's language. */
public final class StaffViews {
    private StaffViews() {
    }

    /**
     * What every staff page shows around its content: the words, who is signed in (null on the
     * sign-in page), the CSRF token for its forms, the navigation entry in use and what the role
     * may open, and the link that switches the language.
     */
    public record Chrome(Text t, String user, String roleLabel, String csrf, String nav, boolean statistics, boolean fleet,
            boolean accounts, String langHref) {
    }

    public record AccountRow(String id, String name, String role, String windows, String state, boolean disabled,
            boolean self, String action) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    public record QueueRow(String href, String ticket, String id, String service, String window, String status,
            String statusClass, String filed, String timeLeft, boolean overdue, String assigned, String name, String kiosk) {
    }

    public record QueueView(List<QueueRow> rows, String total, int first, int last, List<Option> windows,
            List<Option> services, List<Option> statuses, List<Option> kiosks, String from, String to, String search,
            boolean overdue, String prevHref, String nextHref, String csvHref) {
    }

    public record Field(String label, String value, boolean personal) {
    }

    public record Step(String at, String status, String statusClass, String notes, String by) {
    }

    public record Audit(String at, String by, String what) {
    }

    /** The forms a request page offers; each is shown only when the state machine and the role allow it. */
    public record Actions(boolean accept, boolean askDocuments, boolean complete, boolean reject, boolean assign,
            List<Option> documents, List<Option> completeTemplates, List<Option> rejectTemplates, List<Option> colleagues,
            List<Option> departments) {
        public boolean any() {
            return accept || askDocuments || complete || reject || assign;
        }
    }

    public record RequestView(String key, String action, String title, String ticket, String id, String service,
            String window, String kiosk, String status, String statusClass, String filed, String timeLeft, boolean overdue,
            String assigned, String notes, List<Field> fields, boolean personalShown, List<Step> history, List<Audit> audit,
            Actions actions, String rating, String message, String error) {
    }

    /**
     * A column of a bar chart, its geometry in the chart's viewBox already worked out: the bar, its
     * value above it (when it fits) and its label under the axis (every one, or every 7th of 90 days).
     */
    public record Bar(String label, long value, int x, int y, int width, int height, int middle, boolean valueShown,
            boolean labelShown) {
    }

    /** A line across the chart at a value, labelled on the left axis. */
    public record Tick(int y, String label) {
    }

    /** A bar chart drawn as SVG on the server (no script): bars over time or hours, a value axis, labels. */
    public record Chart(String id, String title, String unit, List<Bar> bars, List<Tick> ticks, boolean slanted,
            int width, int height, int left, int base) {
    }

    /** A row of a horizontal bar list: the name, the bar ({@code percent} of the longest) and the count. */
    public record Row(String label, long value, int percent) {
    }

    /** Many categories (windows, ~30 services), one per line so each reads with its name and count. */
    public record BarList(String id, String title, List<Row> rows) {
    }

    public record HandlingRow(String category, String limit, long done, String p50, String p90, long overdue,
            boolean p90Late) {
    }

    public record DashboardView(String period, long total, long open, long overdue, List<Chart> charts,
            List<BarList> lists, List<HandlingRow> handling, List<Option> ratings, List<Option> uptime, String csvHref) {
    }

    public record KioskRow(String id, String lastHeard, boolean stale, boolean never, List<Option> devices, boolean paperLow,
            String pending, String oldestPending, String alarms, long openInOffice, String uptime) {
    }

    public record FleetView(List<KioskRow> kiosks, String staleAfter, String csvHref) {
    }
}
