package org.ddjvm.adapters.datasets;

import java.nio.file.Path;
import java.util.Objects;

import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.Normalization;

/** An IDX image file (magic 0x00000803: unsigned bytes, [count, rows, columns]), raw or gzip. */
public record IdxImageFile(Path path) {

    public static final int MAGIC = 0x00000803;

    public IdxImageFile {
        Objects.requireNonNull(path, "path");
    }

    /**
     * Reads all images as normalised floats, (b/255 − mean)/std with the dataset's normalisation, row-major
     * [count, 1, rows, columns]. The image size must be the dataset's.
     *
     * @throws org.ddjvm.domain.data.DatasetUnavailableException naming this file and what is wrong with it
     */
    public float[] readNormalized(DatasetDescriptor dataset) {
        try (IdxStream in = IdxStream.open(path)) {
            int[] dims = in.readHeader(MAGIC);
            int count = dims[0];
            int rows = dims[1];
            int columns = dims[2];
            if (rows != dataset.height() || columns != dataset.width()) {
                throw in.problem("wrong image size: " + rows + "x" + columns + ", " + dataset.name() + " images are "
                        + dataset.height() + "x" + dataset.width());
            }
            if (dataset.channels() != 1) {
                throw in.problem("IDX images have one channel, " + dataset.name() + " has " + dataset.channels());
            }
            long total = (long) count * rows * columns;
            if (total > Integer.MAX_VALUE - 8) {
                throw in.problem("corrupt header: " + count + " images of " + rows + "x" + columns
                        + " are too many to load");
            }
            String promise = count + " images of " + rows + "x" + columns;
            in.checkCanHold(total, promise);
            float[] table = lookupTable(dataset.normalization());
            float[] pixels = new float[(int) total];
            byte[] buffer = IdxStream.newBuffer();
            int position = 0;
            while (position < total) {
                int wanted = (int) Math.min(buffer.length, total - position);
                int got = in.read(buffer, wanted);
                for (int i = 0; i < got; i++) {
                    pixels[position + i] = table[buffer[i] & 0xff];
                }
                position += got;
                if (got < wanted) {
                    throw in.problem("truncated: the header promises " + promise + " (" + total
                            + " bytes of pixels), found only " + position);
                }
            }
            in.expectEnd(total);
            return pixels;
        }
    }

    /** The normalised value of each possible byte, computed once in double precision. */
    private static float[] lookupTable(Normalization normalization) {
        float[] table = new float[256];
        for (int b = 0; b < 256; b++) {
            table[b] = (float) normalization.normalize(0, b / 255.0);
        }
        return table;
    }
}
