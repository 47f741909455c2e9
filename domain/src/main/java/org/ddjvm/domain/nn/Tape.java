package org.ddjvm.domain.nn;

import java.util.ArrayList;
import java.util.List;
import org.ddjvm.domain.tensor.Tensor;

/**
 * The primal values of one forward and backward pass, in the order the algebra produced them. A dual pass
 * over the same computation replays them instead of recomputing, so a Hessian-vector product costs only the
 * tangent kernels.
 */
public final class Tape {

    private final List<Tensor> values = new ArrayList<>();

    void record(Tensor value) {
        values.add(value);
    }

    /** A reader positioned at the first recorded value. */
    Replay replay() {
        return new Replay();
    }

    public int size() {
        return values.size();
    }

    final class Replay {
        private int next;

        boolean exhausted() {
            return next >= values.size();
        }

        Tensor next() {
            if (next >= values.size()) {
                throw new IllegalStateException("dual pass diverged from the recorded primal pass: tape has only "
                        + values.size() + " values");
            }
            return values.get(next++);
        }
    }
}
