package org.ddjvm.adapters.datasets;

import java.nio.file.Path;
import java.util.Objects;

import org.ddjvm.domain.data.DatasetDescriptor;

/** An IDX label file (magic 0x00000801: unsigned bytes, [count]), raw or gzip. */
public record IdxLabelFile(Path path) {

    public static final int MAGIC = 0x00000801;

    public IdxLabelFile {
        Objects.requireNonNull(path, "path");
    }

    /**
     * Reads all labels; each must be a class index of the dataset (0 to classes − 1).
     *
     * @throws org.ddjvm.domain.data.DatasetUnavailableException naming this file and what is wrong with it
     */
    public int[] read(DatasetDescriptor dataset) {
        try (IdxStream in = IdxStream.open(path)) {
            int count = in.readHeader(MAGIC)[0];
            String promise = count + " labels";
            in.checkCanHold(count, promise);
            int classes = dataset.classes();
            int[] labels = new int[count];
            byte[] buffer = IdxStream.newBuffer();
            int position = 0;
            while (position < count) {
                int wanted = Math.min(buffer.length, count - position);
                int got = in.read(buffer, wanted);
                for (int i = 0; i < got; i++) {
                    int label = buffer[i] & 0xff;
                    if (label >= classes) {
                        throw in.problem("label " + label + " at index " + (position + i) + " is out of range 0.."
                                + (classes - 1) + " for " + dataset.name());
                    }
                    labels[position + i] = label;
                }
                position += got;
                if (got < wanted) {
                    throw in.problem("truncated: the header promises " + promise + ", found only " + position);
                }
            }
            in.expectEnd(count);
            return labels;
        }
    }
}
