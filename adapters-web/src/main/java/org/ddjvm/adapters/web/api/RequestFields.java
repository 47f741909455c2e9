package org.ddjvm.adapters.web.api;

import org.ddjvm.domain.distill.InvalidConfigException;

/**
 * The domain names fields as the command line does ({@code outer-epochs}, {@code eval-nets}); requests spell
 * them in camel case ({@code outerEpochs}, {@code evalNets}).
 */
public final class RequestFields {

    private RequestFields() {
    }

    public static String camel(String field) {
        StringBuilder sb = new StringBuilder(field.length());
        boolean upper = false;
        for (char c : field.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    /** The same error, naming the request field. */
    public static InvalidConfigException renamed(InvalidConfigException e) {
        String field = camel(e.field());
        if (field.equals(e.field())) {
            return e;
        }
        String message = e.getMessage();
        String rest = message.startsWith(e.field()) ? message.substring(e.field().length()) : " " + message;
        return new RenamedFieldException(field, field + rest, e);
    }

    /** An {@link InvalidConfigException} whose message is already complete. */
    static final class RenamedFieldException extends InvalidConfigException {
        private final String message;

        RenamedFieldException(String field, String message, InvalidConfigException cause) {
            super(field, "", "");
            this.message = message;
            initCause(cause);
        }

        @Override
        public String getMessage() {
            return message;
        }
    }
}
