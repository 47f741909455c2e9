package org.ddjvm.domain.data;

/** Whether a dataset's files are present and pass their checksums, and where they are. */
public record DatasetStatus(String dataset, String location, boolean present, boolean verified, String detail) {
}
