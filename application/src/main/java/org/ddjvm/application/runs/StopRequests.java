package org.ddjvm.application.runs;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Runs asked to stop in this process; the distill step looks here after every outer iteration. */
public final class StopRequests {

    private final Set<Long> requested = ConcurrentHashMap.newKeySet();

    public void request(long runId) {
        requested.add(runId);
    }

    public boolean requested(long runId) {
        return requested.contains(runId);
    }

    public void clear(long runId) {
        requested.remove(runId);
    }
}
