package org.ddjvm.application.runs;

import org.ddjvm.domain.distill.InvalidConfigException;

/** A run with this name exists already. */
public class DuplicateRunNameException extends InvalidConfigException {

    public DuplicateRunNameException(RunName name) {
        super("name", name.value(), "is taken by another run");
    }
}
