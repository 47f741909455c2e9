package org.ddjvm.adapters.djl;

import ai.djl.ndarray.NDArray;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.Tensor;

/** A {@link Tensor} over one DJL {@link NDArray}, which it owns alone. */
final class DjlTensor implements Tensor {

    private final NDArray array;
    private final boolean routing;
    private Shape shape;
    private DType dtype;
    /** The scope that frees this tensor and its slot there; null when it belongs to no scope. */
    private DjlScope owner;
    private int slot;

    DjlTensor(NDArray array) {
        this.array = array;
        this.routing = false;
    }

    private DjlTensor(NDArray indices, DType declared) {
        this.array = indices;
        this.routing = true;
        this.dtype = declared;
    }

    /** A max-pool routing: int64 indices that report the dtype of the tensor they route. */
    static DjlTensor routing(NDArray indices, DType declared) {
        return new DjlTensor(indices, declared);
    }

    boolean isRouting() {
        return routing;
    }

    NDArray array() {
        return array;
    }

    @Override
    public Shape shape() {
        if (shape == null) {
            shape = DjlTypes.shape(array.getShape());
        }
        return shape;
    }

    @Override
    public DType dtype() {
        if (dtype == null) {
            dtype = DjlTypes.dtype(array.getDataType());
        }
        return dtype;
    }

    DjlScope owner() {
        return owner;
    }

    int slot() {
        return slot;
    }

    void ownedBy(DjlScope scope, int slotInScope) {
        this.owner = scope;
        this.slot = slotInScope;
    }

    @Override
    public void close() {
        if (owner != null) {
            owner.release(this);
        }
        array.close();
    }

    @Override
    public String toString() {
        return "DjlTensor" + shape() + " " + dtype();
    }
}
