package org.ddjvm.adapters.djl;

import org.ddjvm.domain.tensor.TensorOps;
import org.ddjvm.domain.trainer.ExactDerivativesContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The float64 finite-difference checks of gradients, HVPs and the hypergradient, on DJL's kernels. */
class DjlExactDerivativesTest extends ExactDerivativesContract {

    private static DjlTensorOps ops;

    @BeforeAll
    static void start() {
        ops = new DjlTensorOps();
    }

    @AfterAll
    static void stop() {
        ops.close();
    }

    @Override
    protected TensorOps ops() {
        return ops;
    }

    @Override
    protected TensorOps openAnother() {
        return new DjlTensorOps();
    }
}
