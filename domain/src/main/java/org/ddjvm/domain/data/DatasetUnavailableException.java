package org.ddjvm.domain.data;

/** A dataset file is missing, corrupt or does not verify; the message names the file and the problem. */
public class DatasetUnavailableException extends RuntimeException {

    public DatasetUnavailableException(String message) {
        super(message);
    }

    public DatasetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
