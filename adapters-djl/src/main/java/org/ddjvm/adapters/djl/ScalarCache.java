package org.ddjvm.adapters.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 0-dim arrays for the scalar factors of {@code scale} and {@code addScaled}, kept between calls. DJL's
 * {@code mul(Number)} makes a fresh native scalar for every call, which costs more than multiplying LeNet's small
 * tensors; the same rates come back many times an outer iteration (η_t for all ten parameter tensors, in the unroll
 * and again in the reverse pass). The product is the same kernel on the same operands: a tensor times a 0-dim array
 * of its own type. Least recently used factors are freed beyond {@value #CAPACITY}.
 */
final class ScalarCache implements AutoCloseable {

    static final int CAPACITY = 512;

    private record Key(DataType type, long bits) {
    }

    private final NDManager manager;
    private final Map<Key, NDArray> arrays = new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, NDArray> eldest) {
            if (size() > CAPACITY) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };

    ScalarCache(NDManager manager) {
        this.manager = manager;
    }

    /** The factor as a 0-dim array of the given type (float32: the factor rounded to float, as DJL would). */
    NDArray of(double factor, DataType type) {
        Key key = new Key(type, type == DataType.FLOAT32 ? Float.floatToIntBits((float) factor)
                : Double.doubleToLongBits(factor));
        NDArray cached = arrays.get(key);
        if (cached == null) {
            cached = switch (type) {
                case FLOAT32 -> manager.create((float) factor);
                case FLOAT64 -> manager.create(factor);
                default -> throw new IllegalArgumentException("no scalar factor for " + type + " tensors");
            };
            arrays.put(key, cached);
        }
        return cached;
    }

    int size() {
        return arrays.size();
    }

    @Override
    public void close() {
        arrays.clear();
        manager.close();
    }
}
