package org.ddjvm.adapters.djl;

import java.util.ArrayList;
import java.util.List;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorScope;

/** One open lifetime of a {@link ScopeStack}: frees the tensors registered in it when it closes. */
final class DjlScope implements TensorScope {

    private final ScopeStack stack;
    private final DjlScope parent;
    private final List<DjlTensor> tensors = new ArrayList<>();
    private boolean closed;

    DjlScope(ScopeStack stack, DjlScope parent) {
        this.stack = stack;
        this.parent = parent;
    }

    void adopt(DjlTensor tensor) {
        tensor.ownedBy(this, tensors.size());
        tensors.add(tensor);
    }

    /** Forgets a tensor that was closed on its own or moved away. */
    void release(DjlTensor tensor) {
        tensors.set(tensor.slot(), null);
        tensor.ownedBy(null, -1);
    }

    @Override
    public <T extends Tensor> T keep(T tensor) {
        if (closed) {
            throw new IllegalStateException("keep() on a closed scope");
        }
        if (!(tensor instanceof DjlTensor djl)) {
            throw new IllegalArgumentException("not a DJL tensor: " + tensor);
        }
        if (djl.owner() == this) {
            release(djl);
            if (parent != null) {
                parent.adopt(djl);
            }
        }
        return tensor;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        stack.pop(this);
        closed = true;
        for (DjlTensor tensor : tensors) {
            if (tensor != null) {
                tensor.ownedBy(null, -1);
                tensor.array().close();
            }
        }
        tensors.clear();
    }
}
