package org.onetrip.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.request.RequestStatus;

/** The worker's listeners: each hears every event, and one that throws does not stop the others. */
class OutboxWorkerListenersTest {
    @Test
    void everyMethodOfTheListenerIsPassedOn() {
        for (Method m : SyncListener.class.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            assertThat(declares(OutboxWorker.Listeners.class, m)).as(m.getName() + " is passed on").isTrue();
        }
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheOthers() {
        OutboxWorker.Listeners all = new OutboxWorker.Listeners();
        List<String> heard = new ArrayList<>();
        all.all.add(new SyncListener() {
            @Override
            public void parked(UUID requestId, String reason) {
                throw new IllegalStateException("a listener's own bug");
            }
        });
        all.all.add(new SyncListener() {
            @Override
            public void parked(UUID requestId, String reason) {
                heard.add("parked " + reason);
            }

            @Override
            public void statusChanged(UUID requestId, RequestStatus from, RequestStatus to) {
                heard.add("status " + to);
            }

            @Override
            public void retrying(UUID requestId, String reason, Instant nextAttempt) {
                heard.add("retrying " + reason);
            }
        });
        UUID id = UUID.randomUUID();

        all.parked(id, "refused");
        all.statusChanged(id, RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS);
        all.retrying(id, "HTTP 503", Instant.EPOCH);

        assertThat(heard).containsExactly("parked refused", "status IN_PROGRESS", "retrying HTTP 503");
    }

    private static boolean declares(Class<?> c, Method m) {
        try {
            c.getDeclaredMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
