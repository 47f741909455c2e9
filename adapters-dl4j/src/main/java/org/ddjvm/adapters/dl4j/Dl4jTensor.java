package org.ddjvm.adapters.dl4j;

import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link Tensor} over one ND4J array. Inside a scope the array lives in that scope's workspace; keeping the tensor
 * copies it into the enclosing scope's workspace (or out of all workspaces) and this object then points at the copy,
 * so every reference to the tensor stays valid.
 */
final class Dl4jTensor implements Tensor {

    private INDArray array;
    private final boolean routing;
    private final Shape shape;
    private final DType dtype;
    /** The scope whose workspace holds the array and its slot there; null when it belongs to no scope. */
    private Dl4jScope owner;
    private int slot;

    Dl4jTensor(INDArray array) {
        this(array, false, Dl4jTypes.dtype(array.dataType()));
    }

    private Dl4jTensor(INDArray array, boolean routing, DType dtype) {
        this.array = array;
        this.routing = routing;
        this.shape = Dl4jTypes.shape(array.shape());
        this.dtype = dtype;
    }

    /** A max-pool routing: a 0/1 mask of the input's shape that reports the dtype of the tensor it routes. */
    static Dl4jTensor routing(INDArray mask, DType declared) {
        return new Dl4jTensor(mask, true, declared);
    }

    boolean isRouting() {
        return routing;
    }

    INDArray array() {
        if (array == null) {
            throw new IllegalStateException("tensor " + shape + " used after it was closed or its scope closed");
        }
        return array;
    }

    /** Points this tensor at a copy that lives elsewhere (the enclosing scope's workspace, or none). */
    void movedTo(INDArray copy) {
        this.array = copy;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    Dl4jScope owner() {
        return owner;
    }

    int slot() {
        return slot;
    }

    void ownedBy(Dl4jScope scope, int slotInScope) {
        this.owner = scope;
        this.slot = slotInScope;
    }

    /** Forgets the array: its workspace is about to be reused. */
    void invalidate() {
        owner = null;
        array = null;
    }

    /**
     * Inside a scope the memory returns to the workspace when the scope closes; outside any scope the array is left
     * to the garbage collector. Never closes the array itself: casts, reshapes and routings share arrays, and ND4J
     * 1.0.0-M2.1 frees a closed array's native memory only when the collector runs anyway.
     */
    @Override
    public void close() {
        if (owner != null) {
            owner.release(this);
        }
        array = null;
    }

    @Override
    public String toString() {
        return "Dl4jTensor" + shape + " " + dtype;
    }
}
