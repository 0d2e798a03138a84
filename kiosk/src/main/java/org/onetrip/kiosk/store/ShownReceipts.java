package org.onetrip.kiosk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Which filings' tickets reached the resident (table {@code receipt_shown}, migration 3). The
 * ticket is committed before it is shown, so a kiosk killed in between holds a filing nobody saw;
 * at the next start the newest such filing is offered again instead of being lost. SQL only, run
 * inside {@link SqliteRequestQueue}'s connection and lock.
 */
final class ShownReceipts {
    private ShownReceipts() {
    }

    /** Records the first time the ticket was shown; later acknowledgements keep the first. */
    static void acknowledge(Connection c, UUID requestId, Instant at, String how) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO receipt_shown (request_id, shown_at, how)
                SELECT request_id, ?, ? FROM requests WHERE request_id = ?
                ON CONFLICT (request_id) DO NOTHING""")) {
            ps.setString(1, SqliteRequestQueue.text(at));
            ps.setString(2, how);
            ps.setString(3, requestId.toString());
            ps.executeUpdate();
        }
    }

    /** The newest filing in [{@code from}, {@code to}) whose ticket was never shown. */
    static Optional<UUID> newestUnshown(Connection c, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT r.request_id FROM requests r
                WHERE r.filed_at >= ? AND r.filed_at < ?
                  AND NOT EXISTS (SELECT 1 FROM receipt_shown s WHERE s.request_id = r.request_id)
                ORDER BY r.filed_at DESC, r.rowid DESC
                LIMIT 1""")) {
            ps.setString(1, SqliteRequestQueue.text(from));
            ps.setString(2, SqliteRequestQueue.text(to));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(UUID.fromString(rs.getString(1))) : Optional.empty();
            }
        }
    }
}
