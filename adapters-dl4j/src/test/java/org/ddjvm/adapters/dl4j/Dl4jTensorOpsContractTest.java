package org.ddjvm.adapters.dl4j;

import org.ddjvm.domain.tensor.TensorOps;
import org.ddjvm.domain.tensor.TensorOpsContract;
import org.junit.jupiter.api.AfterAll;

/** The shared backend contract, run against ND4J. */
class Dl4jTensorOpsContractTest extends TensorOpsContract {

    private static Dl4jTensorOps shared;

    @Override
    protected TensorOps ops() {
        if (shared == null) {
            shared = new Dl4jTensorOps(Dl4jSettings.defaults());
        }
        return shared;
    }

    @AfterAll
    static void closeBackend() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }
}
