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
    void everyMethodOfTheListenerIsPassedOnToTheSameMethod() throws Exception {
        List<String> heard = new ArrayList<>();
        SyncListener recorder = (SyncListener) java.lang.reflect.Proxy.newProxyInstance(SyncListener.class.getClassLoader(),
                new Class<?>[] {SyncListener.class}, (proxy, method, args) -> {
                    heard.add(method.getName() + java.util.Arrays.toString(args));
                    return null;
                });
        OutboxWorker.Listeners all = new OutboxWorker.Listeners();
        all.all.add(recorder);
        int methods = 0;
        for (Method m : SyncListener.class.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            methods++;
            Object[] args = new Object[m.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                Class<?> t = m.getParameterTypes()[i];
                args[i] = t == boolean.class ? Boolean.TRUE : t == int.class ? Integer.valueOf(7) : t == String.class ? "arg" + i : null;
            }
            heard.clear();
            m.invoke(all, args);
            assertThat(heard).as(m.getName()).containsExactly(m.getName() + java.util.Arrays.toString(args));
        }
        assertThat(methods).isEqualTo(8);
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

}
