package org.ddjvm.adapters.djl;

import org.ddjvm.domain.tensor.TensorOps;
import org.ddjvm.domain.tensor.TensorOpsContract;
import org.junit.jupiter.api.AfterAll;

/** The shared backend contract, run against DJL's PyTorch engine. */
class DjlTensorOpsContractTest extends TensorOpsContract {

    private static DjlTensorOps shared;

    @Override
    protected TensorOps ops() {
        if (shared == null) {
            shared = new DjlTensorOps(DjlSettings.defaults());
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
