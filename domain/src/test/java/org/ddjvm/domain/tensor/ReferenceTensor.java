package org.ddjvm.domain.tensor;

/**
 * A tensor of the {@link ReferenceTensorOps} backend: a row-major {@code double[]}. FLOAT32 tensors hold
 * only float-representable values (the backend rounds every result), so they behave like float32 arrays.
 */
final class ReferenceTensor implements Tensor {

    private final ReferenceTensorOps backend;
    private final Shape shape;
    private final DType dtype;
    private double[] data;
    private ReferenceScope owner;
    private boolean closed;

    ReferenceTensor(ReferenceTensorOps backend, double[] data, Shape shape, DType dtype, ReferenceScope owner) {
        this.backend = backend;
        this.data = data;
        this.shape = shape;
        this.dtype = dtype;
        this.owner = owner;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    /** The values, never to be modified; throws if the tensor was freed, so lifetime bugs surface in tests. */
    double[] data(String op) {
        if (closed) {
            throw new IllegalStateException(op + ": tensor " + shape + " " + dtype + " was used after it was closed");
        }
        return data;
    }

    ReferenceTensorOps backend() {
        return backend;
    }

    /** The scope that frees this tensor, or null when only {@link #close()} does. */
    ReferenceScope owner() {
        return owner;
    }

    void moveTo(ReferenceScope scope) {
        owner = scope;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            data = null;
            backend.released();
        }
    }

    @Override
    public String toString() {
        return "ReferenceTensor" + shape + " " + dtype + (closed ? " (closed)" : "");
    }
}
