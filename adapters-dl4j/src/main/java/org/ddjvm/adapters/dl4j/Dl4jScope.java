package org.ddjvm.adapters.dl4j;

import java.util.ArrayList;
import java.util.List;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorScope;
import org.nd4j.linalg.api.memory.MemoryWorkspace;

/**
 * One open lifetime of a {@link ScopeStack}, backed by an ND4J workspace: every array made while it is the
 * innermost scope is carved out of that workspace, and closing the scope hands all of it back at once (no native
 * free per array, no fresh pages on the next iteration). A kept tensor is copied into the enclosing workspace.
 */
final class Dl4jScope implements TensorScope {

    private final ScopeStack stack;
    private final Dl4jScope parent;
    private final String workspaceId;
    private final MemoryWorkspace workspace;
    private final List<Dl4jTensor> tensors = new ArrayList<>();
    private boolean closed;

    Dl4jScope(ScopeStack stack, Dl4jScope parent, String workspaceId, MemoryWorkspace workspace) {
        this.stack = stack;
        this.parent = parent;
        this.workspaceId = workspaceId;
        this.workspace = workspace;
    }

    void adopt(Dl4jTensor tensor) {
        tensor.ownedBy(this, tensors.size());
        tensors.add(tensor);
    }

    /** Forgets a tensor that was closed on its own or moved away. */
    void release(Dl4jTensor tensor) {
        tensors.set(tensor.slot(), null);
        tensor.ownedBy(null, -1);
    }

    @Override
    public <T extends Tensor> T keep(T tensor) {
        if (closed) {
            throw new IllegalStateException("keep() on a closed scope");
        }
        if (!(tensor instanceof Dl4jTensor dl4j)) {
            throw new IllegalArgumentException("not an ND4J tensor: " + tensor);
        }
        if (dl4j.owner() == this) {
            release(dl4j);
            if (parent != null) {
                dl4j.movedTo(dl4j.array().leverageTo(parent.workspaceId));
                parent.adopt(dl4j);
            } else {
                dl4j.movedTo(dl4j.array().detach());
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
        for (Dl4jTensor tensor : tensors) {
            if (tensor != null) {
                tensor.invalidate();
            }
        }
        tensors.clear();
        workspace.close();
    }
}
