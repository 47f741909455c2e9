package org.ddjvm.domain.tensor;

import java.util.ArrayList;
import java.util.List;

/** A scope of {@link ReferenceTensorOps}: remembers the tensors it owns and closes them with itself. */
final class ReferenceScope implements TensorScope {

    private final ReferenceTensorOps backend;
    private final ReferenceScope parent;
    private final List<ReferenceTensor> tensors = new ArrayList<>();
    private boolean closed;

    ReferenceScope(ReferenceTensorOps backend, ReferenceScope parent) {
        this.backend = backend;
        this.parent = parent;
    }

    void adopt(ReferenceTensor tensor) {
        tensor.moveTo(this);
        tensors.add(tensor);
    }

    @Override
    public <T extends Tensor> T keep(T tensor) {
        if (closed) {
            throw new IllegalStateException("keep: the scope is already closed");
        }
        ReferenceTensor t = backend.checked(tensor, "keep");
        if (t.owner() == this) {
            if (parent == null) {
                t.moveTo(null);
            } else {
                parent.adopt(t);
            }
        } else if (isEnclosedBy(t.owner(), this)) {
            throw new IllegalArgumentException("keep: the tensor belongs to a scope nested inside this one");
        }
        // a tensor of an enclosing scope (or of none) already outlives this scope
        return tensor;
    }

    private static boolean isEnclosedBy(ReferenceScope scope, ReferenceScope outer) {
        for (ReferenceScope s = scope; s != null; s = s.parent) {
            if (s == outer) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        backend.closing(this);
        closed = true;
        for (ReferenceTensor t : tensors) {
            if (t.owner() == this) {
                t.close();
            }
        }
        tensors.clear();
    }
}
