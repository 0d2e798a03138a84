package org.onetrip.kiosk.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * The catalogue last fetched from the back office, in the catalogue file's format, so the kiosk
 * starts with it when the back office is out of reach. A cache: losing it costs a fetch, nothing more.
 */
public interface CatalogCache extends AutoCloseable {

    Optional<Cached> load();

    void save(String catalogJson, Instant fetchedAt);

    @Override
    void close();

    record Cached(String catalogJson, Instant fetchedAt) {
    }
}
