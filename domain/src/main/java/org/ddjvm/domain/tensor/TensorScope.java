package org.ddjvm.domain.tensor;

/**
 * A lifetime for temporaries: every tensor created while the scope is the innermost open one is freed
 * when it closes, except those passed to {@link #keep}. Scopes nest and must be closed in reverse order
 * of opening, on the thread that opened them.
 */
public interface TensorScope extends AutoCloseable {

    /** Moves the tensor to the enclosing scope (or out of all scopes) so that it survives this one. */
    <T extends Tensor> T keep(T tensor);

    @Override
    void close();
}
