package org.ddjvm.adapters.persistence;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Arrays as compact little-endian bytes for BYTEA columns: float64 (bit for bit, NaN payloads included), float32
 * and int32, with no header. The length of the bytes gives the number of elements.
 */
final class LittleEndian {

    private LittleEndian() {
    }

    static byte[] bytes(double[] values) {
        ByteBuffer buffer = allocate(values.length, Double.BYTES);
        buffer.asDoubleBuffer().put(values);
        return buffer.array();
    }

    static double[] doubles(byte[] bytes) {
        double[] values = new double[count(bytes, Double.BYTES, "float64")];
        wrap(bytes).asDoubleBuffer().get(values);
        return values;
    }

    static byte[] bytes(float[] values) {
        ByteBuffer buffer = allocate(values.length, Float.BYTES);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    static float[] floats(byte[] bytes) {
        float[] values = new float[count(bytes, Float.BYTES, "float32")];
        wrap(bytes).asFloatBuffer().get(values);
        return values;
    }

    static byte[] bytes(int[] values) {
        ByteBuffer buffer = allocate(values.length, Integer.BYTES);
        buffer.asIntBuffer().put(values);
        return buffer.array();
    }

    static int[] ints(byte[] bytes) {
        int[] values = new int[count(bytes, Integer.BYTES, "int32")];
        wrap(bytes).asIntBuffer().get(values);
        return values;
    }

    private static ByteBuffer allocate(int count, int itemSize) {
        return ByteBuffer.allocate(Math.multiplyExact(count, itemSize)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer wrap(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int count(byte[] bytes, int itemSize, String type) {
        if (bytes.length % itemSize != 0) {
            throw new IllegalStateException("stored " + type + " array has " + bytes.length
                    + " bytes, not a multiple of " + itemSize);
        }
        return bytes.length / itemSize;
    }
}
