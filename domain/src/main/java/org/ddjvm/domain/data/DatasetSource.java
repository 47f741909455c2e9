package org.ddjvm.domain.data;

import java.util.List;

/** Port: where the real images come from. Implementations read (and, if allowed, fetch) dataset files. */
public interface DatasetSource {

    /** Loads one split, normalised. Fails with {@link DatasetUnavailableException} naming the file and problem. */
    LabeledImages load(DatasetDescriptor dataset, Split split);

    /** For each known dataset: where its files are and whether they verify. */
    List<DatasetStatus> status();
}
