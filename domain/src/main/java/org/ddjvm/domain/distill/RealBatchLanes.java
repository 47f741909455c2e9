package org.ddjvm.domain.distill;

import java.util.concurrent.Future;
import java.util.function.Function;
import org.ddjvm.domain.tensor.TensorOps;

/**
 * Helper lanes for the outer objective: each lane is a thread of its own with a {@link TensorOps} of its own, used
 * only on that thread. The engine splits the real batch's chunks between the calling thread and the lanes, so the
 * loss and ∂L/∂θ_T of one outer iteration use more than one core while every native kernel keeps one intra-op
 * thread. Lanes exchange weights and gradients through Java arrays only; no tensor crosses from one lane to another.
 */
public interface RealBatchLanes {

    /** No helper: the calling thread computes the whole real batch. */
    RealBatchLanes NONE = new RealBatchLanes() {
        @Override
        public int count() {
            return 0;
        }

        @Override
        public <T> Future<T> submit(int lane, Function<TensorOps, T> work) {
            throw new IndexOutOfBoundsException("no helper lanes, asked for lane " + lane);
        }
    };

    /** How many helper lanes there are besides the calling thread. */
    int count();

    /** Runs work on lane {@code lane} (0 ≤ lane < count) with that lane's TensorOps, on that lane's thread. */
    <T> Future<T> submit(int lane, Function<TensorOps, T> work);
}
