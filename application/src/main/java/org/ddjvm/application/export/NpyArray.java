package org.ddjvm.application.export;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named n-dimensional array as stored in a NumPy {@code .npy} file: C order (row-major), little-endian.
 *
 * <p>{@code data} is a {@code float[]} for {@link DType#FLOAT32}, a {@code long[]} for {@link DType#INT64}
 * and a {@code double[]} for {@link DType#FLOAT64}; its length is the product of {@code shape} (1 for the
 * empty shape of a 0-d array). The record copies arrays in and out, so instances are immutable.
 */
public record NpyArray(String name, int[] shape, DType dtype, Object data) {

    /** The element types the export format reads and writes, with their NumPy {@code descr}. */
    public enum DType {
        FLOAT32("<f4", 4, float[].class),
        INT64("<i8", 8, long[].class),
        FLOAT64("<f8", 8, double[].class);

        private final String descr;
        private final int itemSize;
        private final Class<?> arrayType;

        DType(String descr, int itemSize, Class<?> arrayType) {
            this.descr = descr;
            this.itemSize = itemSize;
            this.arrayType = arrayType;
        }

        /** NumPy's type string, e.g. {@code <f4}. */
        public String descr() {
            return descr;
        }

        /** Bytes per element. */
        public int itemSize() {
            return itemSize;
        }

        /** The Java array type that holds the data, e.g. {@code float[].class}. */
        public Class<?> arrayType() {
            return arrayType;
        }

        /** The dtype with this {@code descr} ({@code '|'} or {@code '='} byte order is not accepted), or null. */
        public static DType fromDescr(String descr) {
            for (DType t : values()) {
                if (t.descr.equals(descr)) {
                    return t;
                }
            }
            return null;
        }
    }

    public NpyArray {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(data, "data");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("array name must not be empty");
        }
        if (!dtype.arrayType().isInstance(data)) {
            throw new IllegalArgumentException("array '" + name + "': dtype " + dtype + " needs data of type "
                    + dtype.arrayType().getSimpleName() + ", got " + data.getClass().getSimpleName());
        }
        long count = elementCount(shape);
        if (count < 0) {
            throw new IllegalArgumentException("array '" + name + "': invalid shape " + Arrays.toString(shape));
        }
        int length = java.lang.reflect.Array.getLength(data);
        if (count != length) {
            throw new IllegalArgumentException("array '" + name + "': shape " + Arrays.toString(shape) + " holds "
                    + count + " elements but data has " + length);
        }
        shape = shape.clone();
        data = copy(data);
    }

    public static NpyArray ofFloats(String name, int[] shape, float[] data) {
        return new NpyArray(name, shape, DType.FLOAT32, data);
    }

    public static NpyArray ofLongs(String name, int[] shape, long[] data) {
        return new NpyArray(name, shape, DType.INT64, data);
    }

    public static NpyArray ofDoubles(String name, int[] shape, double[] data) {
        return new NpyArray(name, shape, DType.FLOAT64, data);
    }

    /**
     * Number of elements a shape holds: the product of its dimensions, 1 for the empty shape, or −1 when a
     * dimension is negative or the product does not fit an {@code int} array.
     */
    public static long elementCount(int[] shape) {
        long count = 1;
        for (int d : shape) {
            if (d < 0) {
                return -1;
            }
            count *= d;
            if (count > Integer.MAX_VALUE - 8) {
                return -1;
            }
        }
        return count;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** A copy of the data: {@code float[]}, {@code long[]} or {@code double[]} according to {@link #dtype()}. */
    @Override
    public Object data() {
        return copy(data);
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return java.lang.reflect.Array.getLength(data);
    }

    /** The data of a {@link DType#FLOAT32} array. */
    public float[] floats() {
        requireDType(DType.FLOAT32);
        return ((float[]) data).clone();
    }

    /** The data of an {@link DType#INT64} array. */
    public long[] longs() {
        requireDType(DType.INT64);
        return ((long[]) data).clone();
    }

    /** The data of a {@link DType#FLOAT64} array. */
    public double[] doubles() {
        requireDType(DType.FLOAT64);
        return ((double[]) data).clone();
    }

    /** The data as float32, narrowing float64 values; an INT64 array is refused. */
    public float[] toFloats() {
        if (dtype == DType.FLOAT32) {
            return ((float[]) data).clone();
        }
        if (dtype == DType.FLOAT64) {
            double[] d = (double[]) data;
            float[] f = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                f[i] = (float) d[i];
            }
            return f;
        }
        throw new IllegalStateException("array '" + name + "' has dtype " + dtype + ", not a floating-point type");
    }

    /** The shape as NumPy prints it: {@code (2, 3)}, {@code (5,)} or {@code ()}. */
    public String shapeString() {
        return pythonTuple(shape);
    }

    static String pythonTuple(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        if (shape.length == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }

    private void requireDType(DType wanted) {
        if (dtype != wanted) {
            throw new IllegalStateException("array '" + name + "' has dtype " + dtype + ", not " + wanted);
        }
    }

    private static Object copy(Object data) {
        if (data instanceof float[] f) {
            return f.clone();
        }
        if (data instanceof long[] l) {
            return l.clone();
        }
        if (data instanceof double[] d) {
            return d.clone();
        }
        throw new IllegalArgumentException("unsupported data type " + data.getClass().getSimpleName());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray other && name.equals(other.name) && Arrays.equals(shape, other.shape)
                && dtype == other.dtype && Objects.deepEquals(data, other.data);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(name, dtype);
        h = 31 * h + Arrays.hashCode(shape);
        return 31 * h + switch (dtype) {
            case FLOAT32 -> Arrays.hashCode((float[]) data);
            case INT64 -> Arrays.hashCode((long[]) data);
            case FLOAT64 -> Arrays.hashCode((double[]) data);
        };
    }

    @Override
    public String toString() {
        return "NpyArray[" + name + ", " + dtype + " " + shapeString() + "]";
    }
}
