package org.ddjvm.domain.trainer;

import org.ddjvm.domain.tensor.ReferenceTensorOps;
import org.ddjvm.domain.tensor.TensorOps;

class ReferenceExactDerivativesTest extends ExactDerivativesContract {

    private final ReferenceTensorOps ops = new ReferenceTensorOps();

    @Override
    protected TensorOps ops() {
        return ops;
    }

    @Override
    protected TensorOps openAnother() {
        return new ReferenceTensorOps();
    }
}
