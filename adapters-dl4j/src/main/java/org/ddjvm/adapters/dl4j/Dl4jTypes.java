package org.ddjvm.adapters.dl4j;

import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.Shape;
import org.nd4j.linalg.api.buffer.DataType;

/** Conversions between the domain's shapes and dtypes and ND4J's. */
final class Dl4jTypes {

    private Dl4jTypes() {
    }

    static long[] nd4j(Shape shape) {
        int[] dims = shape.dims();
        long[] longs = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            longs[i] = dims[i];
        }
        return longs;
    }

    static Shape shape(long[] shape) {
        int[] dims = new int[shape.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = Math.toIntExact(shape[i]);
        }
        return new Shape(dims);
    }

    static DataType nd4j(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> DataType.FLOAT;
            case FLOAT64 -> DataType.DOUBLE;
        };
    }

    static DType dtype(DataType dataType) {
        return switch (dataType) {
            case FLOAT -> DType.FLOAT32;
            case DOUBLE -> DType.FLOAT64;
            default -> throw new IllegalStateException("unsupported ND4J data type " + dataType);
        };
    }
}
