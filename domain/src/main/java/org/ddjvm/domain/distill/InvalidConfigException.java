package org.ddjvm.domain.distill;

/** A configuration value is out of range; the message names the field, the value and the rule. */
public class InvalidConfigException extends IllegalArgumentException {

    private final String field;

    public InvalidConfigException(String field, Object value, String rule) {
        super(field + " " + rule + " (got " + value + ")");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
