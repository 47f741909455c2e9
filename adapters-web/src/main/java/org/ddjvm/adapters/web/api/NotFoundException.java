package org.ddjvm.adapters.web.api;

/** Nothing is at this address (an unknown config, a step a run does not have, a result not published yet). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
