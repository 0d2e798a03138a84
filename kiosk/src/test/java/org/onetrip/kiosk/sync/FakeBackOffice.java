package org.onetrip.kiosk.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.onetrip.kiosk.request.OutboxEntry;

/**
 * A back office in memory for the worker's tests: files what it is sent (once per request id, as
 * Idempotency-Key asks), answers scripted outcomes first, and keeps statuses and tokens the test sets.
 */
final class FakeBackOffice implements BackOffice {
    final Deque<SubmitOutcome> scripted = new ArrayDeque<>();
    final List<UUID> attempts = new ArrayList<>();
    final Map<UUID, String> filed = new LinkedHashMap<>();
    final Map<String, RemoteStatus> statuses = new LinkedHashMap<>();
    final Map<String, String> tokens = new LinkedHashMap<>();
    final List<Heartbeat> heartbeats = new ArrayList<>();
    final List<List<String>> statusQueries = new ArrayList<>();
    boolean answerTokens;
    BackOfficeException failReads;
    BackOfficeException failHeartbeat;
    RemoteCatalog catalog = new RemoteCatalog(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode(), Map.of());
    private final AtomicInteger ids = new AtomicInteger(100);

    @Override
    public SubmitOutcome submit(OutboxEntry entry) {
        attempts.add(entry.requestId());
        SubmitOutcome next = scripted.poll();
        if (next != null) {
            return next;
        }
        boolean replay = filed.containsKey(entry.requestId());
        String id = filed.computeIfAbsent(entry.requestId(), k -> String.valueOf(ids.incrementAndGet()));
        return answerTokens ? new SubmitOutcome.Accepted(null, "tok-" + id, replay)
                : new SubmitOutcome.Accepted(id, null, replay);
    }

    @Override
    public Map<String, String> resolveTokens(List<String> asked) {
        if (failReads != null) {
            throw failReads;
        }
        Map<String, String> out = new LinkedHashMap<>();
        asked.forEach(t -> {
            if (tokens.containsKey(t)) {
                out.put(t, tokens.get(t));
            }
        });
        return out;
    }

    @Override
    public List<RemoteStatus> statuses(List<String> serviceRequestIds) {
        if (failReads != null) {
            throw failReads;
        }
        statusQueries.add(List.copyOf(serviceRequestIds));
        return serviceRequestIds.stream().filter(statuses::containsKey).map(statuses::get).toList();
    }

    @Override
    public void heartbeat(Heartbeat heartbeat) {
        if (failHeartbeat != null) {
            throw failHeartbeat;
        }
        heartbeats.add(heartbeat);
    }

    @Override
    public RemoteCatalog fetchCatalog() {
        if (catalog == null) {
            throw new BackOfficeException(BackOfficeException.Kind.UNREACHABLE, "no catalogue");
        }
        return catalog;
    }
}
