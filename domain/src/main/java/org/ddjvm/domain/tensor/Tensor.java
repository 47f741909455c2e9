package org.ddjvm.domain.tensor;

/**
 * A handle to an array owned by a backend. Tensors are immutable: every operation returns a new one.
 * A tensor belongs to the innermost {@link TensorScope} open when it was created and is freed when that
 * scope closes; one created outside any scope is freed by {@link #close()}.
 */
public interface Tensor extends AutoCloseable {

    Shape shape();

    DType dtype();

    /** Frees the native memory now. Closing twice is harmless. */
    @Override
    void close();
}
