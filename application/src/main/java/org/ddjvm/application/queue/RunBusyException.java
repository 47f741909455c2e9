package org.ddjvm.application.queue;

import org.ddjvm.application.runs.RunName;

/** The run is waiting in the queue or executing, so it cannot be queued again, or deleted, now. */
public class RunBusyException extends IllegalStateException {

    public RunBusyException(RunName name, String why) {
        super("run " + name + " " + why);
    }
}
