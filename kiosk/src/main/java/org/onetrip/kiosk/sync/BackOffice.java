package org.onetrip.kiosk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.onetrip.kiosk.request.OutboxEntry;

/**
 * The back office the kiosk hands requests to (Open311 GeoReport v2 with the profile's extensions,
 * shared/reference/open311-profile.md). Every call blocks on the network: call it from the sync
 * thread only. Other calls than {@link #submit} throw {@link BackOfficeException}.
 */
public interface BackOffice {

    /** POSTs one request with {@code Idempotency-Key} = its request id; never throws for a failure. */
    SubmitOutcome submit(OutboxEntry entry);

    /** Ids for tokens the server has assigned one to; tokens still waiting are absent. */
    Map<String, String> resolveTokens(List<String> tokens);

    /** The statuses of these service requests (unknown ids are absent), with extension 2 asked for. */
    List<RemoteStatus> statuses(List<String> serviceRequestIds);

    /** Extension 3; throws {@link BackOfficeException.Kind#NOT_OFFERED} when the server has no fleet view. */
    void heartbeat(Heartbeat heartbeat);

    /** {@code services.json} and the definitions of the services that have one, by code. */
    RemoteCatalog fetchCatalog();

    /** What {@link #fetchCatalog} brings: the service list and each definition, as JSON trees. */
    record RemoteCatalog(JsonNode serviceList, Map<String, JsonNode> definitions) {
    }
}
