package org.ddjvm.adapters.djl;

import ai.djl.ndarray.types.DataType;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.Shape;

/** Conversions between the domain's shapes and dtypes and DJL's. */
final class DjlTypes {

    private DjlTypes() {
    }

    static ai.djl.ndarray.types.Shape djl(Shape shape) {
        int[] dims = shape.dims();
        long[] longs = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            longs[i] = dims[i];
        }
        return new ai.djl.ndarray.types.Shape(longs);
    }

    static Shape shape(ai.djl.ndarray.types.Shape shape) {
        int[] dims = new int[shape.dimension()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = Math.toIntExact(shape.get(i));
        }
        return new Shape(dims);
    }

    static DataType djl(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> DataType.FLOAT32;
            case FLOAT64 -> DataType.FLOAT64;
        };
    }

    static DType dtype(DataType dataType) {
        return switch (dataType) {
            case FLOAT32 -> DType.FLOAT32;
            case FLOAT64 -> DType.FLOAT64;
            default -> throw new IllegalStateException("unsupported DJL data type " + dataType);
        };
    }
}
