package org.ddjvm.adapters.dl4j;

import org.ddjvm.domain.tensor.TensorOps;
import org.ddjvm.domain.trainer.ExactDerivativesContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The float64 finite-difference checks of gradients, HVPs and the hypergradient, on ND4J's kernels. */
class Dl4jExactDerivativesTest extends ExactDerivativesContract {

    private static Dl4jTensorOps ops;

    @BeforeAll
    static void start() {
        ops = new Dl4jTensorOps();
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
        return new Dl4jTensorOps();
    }
}
