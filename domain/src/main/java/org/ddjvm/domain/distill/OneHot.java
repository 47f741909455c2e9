package org.ddjvm.domain.distill;

import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorOps;

/** Hard labels as rows of class probabilities, the form the trainer takes targets in. */
public final class OneHot {

    private OneHot() {
    }

    public static Tensor of(TensorOps ops, int[] labels, int classes, DType dtype) {
        double[] rows = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " outside 0.." + (classes - 1));
            }
            rows[i * classes + labels[i]] = 1.0;
        }
        return ops.fromArray(rows, Shape.of(labels.length, classes), dtype);
    }
}
