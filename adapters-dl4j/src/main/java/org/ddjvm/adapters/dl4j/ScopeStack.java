package org.ddjvm.adapters.dl4j;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The scopes open on one {@link Dl4jTensorOps}, innermost last. Each nesting depth has its own ND4J workspace,
 * reused by every scope opened at that depth: it grows to the largest scope seen there (what does not fit is
 * allocated outside it once and the workspace is enlarged at its next opening) and then stays put, so a long run
 * allocates no array memory per iteration. What ND4J leaves to the garbage collector besides is bounded by a
 * {@link ResidentSetWatch}.
 */
final class ScopeStack {

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.2)
            .policyLearning(LearningPolicy.OVER_TIME)
            .cyclesBeforeInitialization(1)
            .policySpill(SpillPolicy.REALLOCATE)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .build();

    private final Deque<Dl4jScope> open = new ArrayDeque<>();
    private final ResidentSetWatch residentSet = new ResidentSetWatch();
    private final String prefix = "dd-scope-" + INSTANCES.incrementAndGet() + "-";
    private final List<String> used = new ArrayList<>();

    Dl4jScope push() {
        String id = prefix + (open.size() + 1);
        if (!used.contains(id)) {
            used.add(id);
        }
        MemoryWorkspace workspace = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, id);
        Dl4jScope scope = new Dl4jScope(this, open.peekLast(), id, workspace);
        open.addLast(scope);
        return scope;
    }

    void pop(Dl4jScope scope) {
        if (open.peekLast() != scope) {
            throw new IllegalStateException("scopes must be closed in reverse order of opening");
        }
        open.removeLast();
        residentSet.scopeClosed();
    }

    /**
     * Opens this stack's scratch workspace: for an operation's own intermediates, allocated after its result and
     * dropped when the operation closes it, so that they do not stay in a scope's workspace until the scope ends.
     * Like the scopes' workspaces it grows to the largest use and is then reused; operations must not nest it.
     */
    MemoryWorkspace scratch() {
        String id = prefix + "scratch";
        if (!used.contains(id)) {
            used.add(id);
        }
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, id);
    }

    /** Puts a new tensor in the innermost open scope, if any. */
    Dl4jTensor register(Dl4jTensor tensor) {
        residentSet.made();
        Dl4jScope innermost = open.peekLast();
        if (innermost != null) {
            innermost.adopt(tensor);
        }
        return tensor;
    }

    /** Closes every open scope, innermost first, and frees this thread's workspaces of this stack (scratch too). */
    void closeAll() {
        while (!open.isEmpty()) {
            open.peekLast().close();
        }
        for (String id : used) {
            if (Nd4j.getWorkspaceManager().checkIfWorkspaceExists(id)) {
                Nd4j.getWorkspaceManager().destroyWorkspace(Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(id));
            }
        }
        used.clear();
    }
}
