package org.ddjvm.application.runs;

/** No run has this name or id. */
public class UnknownRunException extends RuntimeException {

    public UnknownRunException(String nameOrId) {
        super("no run named " + nameOrId);
    }
}
