package org.ddjvm.application.export;

import java.io.IOException;

/**
 * An export file (or an entry inside one) that cannot be read or written as the export format requires.
 * The message is always one line naming the file or entry and the problem, fit to print to a user as is.
 */
public class ExportFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ExportFormatException(String message) {
        super(oneLine(message));
    }

    public ExportFormatException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    static String oneLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
