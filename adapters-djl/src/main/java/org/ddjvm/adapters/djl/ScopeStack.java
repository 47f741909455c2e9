package org.ddjvm.adapters.djl;

import java.util.ArrayDeque;
import java.util.Deque;

/** The scopes open on one {@link DjlTensorOps}, innermost last. */
final class ScopeStack {

    private final Deque<DjlScope> open = new ArrayDeque<>();

    DjlScope push() {
        DjlScope scope = new DjlScope(this, open.peekLast());
        open.addLast(scope);
        return scope;
    }

    void pop(DjlScope scope) {
        if (open.peekLast() != scope) {
            throw new IllegalStateException("scopes must be closed in reverse order of opening");
        }
        open.removeLast();
    }

    /** Puts a new tensor in the innermost open scope, if any. */
    DjlTensor register(DjlTensor tensor) {
        DjlScope innermost = open.peekLast();
        if (innermost != null) {
            innermost.adopt(tensor);
        }
        return tensor;
    }

    /** Closes every open scope, innermost first. */
    void closeAll() {
        while (!open.isEmpty()) {
            open.peekLast().close();
        }
    }
}
