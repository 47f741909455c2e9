package org.ddjvm.domain.nn;

import org.ddjvm.domain.tensor.Tensor;

/**
 * A dual number of tensors: a primal value and its directional derivative (tangent). A null tangent is an
 * exact zero, which lets the dual algebra skip the kernels it would multiply.
 */
public record Dual(Tensor primal, Tensor tangent) {

    public static Dual constant(Tensor primal) {
        return new Dual(primal, null);
    }

    public boolean hasTangent() {
        return tangent != null;
    }
}
