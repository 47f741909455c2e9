package org.ddjvm.application.runs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * In-process fan-out of {@link RunEvent}s to whoever watches (the command line's progress bar, the web's event
 * streams). A failing subscriber never disturbs the run.
 */
public final class RunEvents {

    private final List<Consumer<RunEvent>> subscribers = new CopyOnWriteArrayList<>();

    /** Subscribes; closing the returned handle unsubscribes. */
    public AutoCloseable subscribe(Consumer<RunEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public void publish(RunEvent event) {
        for (Consumer<RunEvent> s : subscribers) {
            try {
                s.accept(event);
            } catch (RuntimeException ignored) {
                // a watcher's failure is the watcher's problem
            }
        }
    }
}
