package org.ddjvm.domain.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ddjvm.domain.tensor.DType.FLOAT32;
import static org.ddjvm.domain.tensor.DType.FLOAT64;

import org.junit.jupiter.api.Test;

/** The contract for the reference backend, plus what only it promises: lifetime checks and messages. */
class ReferenceTensorOpsTest extends TensorOpsContract {

    private final ReferenceTensorOps reference = new ReferenceTensorOps();

    @Override
    protected TensorOps ops() {
        return reference;
    }

    @Test
    void isCalledReference() {
        assertThat(reference.backendName()).isEqualTo("reference");
    }

    @Test
    void aScopeFreesItsTemporariesButNotWhatItKeeps() {
        Tensor x = reference.zeros(Shape.of(3), FLOAT64);
        int before = reference.liveTensors();
        Tensor kept;
        Tensor temporary;
        try (TensorScope scope = reference.scope()) {
            temporary = reference.add(x, x);
            kept = scope.keep(reference.scale(temporary, 2));
            reference.relu(kept);
            assertThat(reference.liveTensors()).isEqualTo(before + 3);
        }
        assertThat(reference.liveTensors()).as("after the scope closed").isEqualTo(before + 1);
        assertThat(reference.toDoubleArray(kept)).containsExactly(0, 0, 0);
        assertThatThrownBy(() -> reference.toDoubleArray(temporary))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("toDoubleArray")
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> reference.add(temporary, x)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeptTensorIsFreedByTheEnclosingScope() {
        Tensor kept;
        try (TensorScope outer = reference.scope()) {
            try (TensorScope inner = reference.scope()) {
                kept = inner.keep(reference.zeros(Shape.of(2), FLOAT32));
            }
            assertThat(reference.toFloatArray(kept)).containsExactly(0f, 0f);
        }
        assertThatThrownBy(() -> reference.sum(kept)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tensorsOutsideEveryScopeLiveUntilClosed() {
        ReferenceTensorOps fresh = new ReferenceTensorOps();
        Tensor t = fresh.zeros(Shape.of(2), FLOAT64);
        Tensor kept;
        try (TensorScope scope = fresh.scope()) {
            kept = scope.keep(fresh.scale(t, 2));
        }
        assertThat(fresh.liveTensors()).isEqualTo(2);
        t.close();
        kept.close();
        kept.close();
        assertThat(fresh.liveTensors()).isZero();
        assertThatThrownBy(() -> fresh.sum(t)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void backendsDoNotShareScopes() {
        ReferenceTensorOps other = new ReferenceTensorOps();
        Tensor unscoped;
        try (TensorScope scope = reference.scope()) {
            unscoped = other.zeros(Shape.of(1), FLOAT64);
        }
        assertThat(other.sum(unscoped)).isZero();
        assertThatThrownBy(() -> reference.sum(unscoped))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sum");
    }

    @Test
    void scopesMustCloseInReverseOrder() {
        TensorScope outer = reference.scope();
        TensorScope inner = reference.scope();
        assertThatThrownBy(outer::close).isInstanceOf(IllegalStateException.class);
        inner.close();
        outer.close();
        assertThatThrownBy(() -> outer.keep(reference.zeros(Shape.of(1), FLOAT64)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectionsNameTheOpAndTheShapes() {
        Tensor a = reference.zeros(Shape.of(2, 3), FLOAT64);
        Tensor b = reference.zeros(Shape.of(3, 2), FLOAT64);
        Tensor image = reference.zeros(Shape.of(1, 2, 5, 5), FLOAT64);
        Tensor kernel = reference.zeros(Shape.of(3, 1, 3, 3), FLOAT64);
        Tensor dy = reference.zeros(Shape.of(1, 3, 4, 4), FLOAT64);

        assertThatThrownBy(() -> reference.sub(a, b)).hasMessageContaining("sub").hasMessageContaining("[2, 3]")
                .hasMessageContaining("[3, 2]");
        assertThatThrownBy(() -> reference.matmul(a, a, false, false)).hasMessageContaining("matmul")
                .hasMessageContaining("[2, 3]");
        assertThatThrownBy(() -> reference.conv2d(image, kernel, 0)).hasMessageContaining("conv2d")
                .hasMessageContaining("[1, 2, 5, 5]").hasMessageContaining("[3, 1, 3, 3]");
        assertThatThrownBy(() -> reference.conv2dInputGrad(dy, reference.zeros(Shape.of(3, 2, 3, 3), FLOAT64),
                image.shape(), 0)).hasMessageContaining("conv2dInputGrad").hasMessageContaining("[1, 3, 4, 4]");
        assertThatThrownBy(() -> reference.maxPoolBackward(dy, reference.maxPoolRouting(dy, 2), 2, image.shape()))
                .hasMessageContaining("maxPoolBackward").hasMessageContaining("[1, 2, 5, 5]");
        assertThatThrownBy(() -> reference.addBias(a, reference.zeros(Shape.of(2), FLOAT64)))
                .hasMessageContaining("addBias").hasMessageContaining("[2]");
    }
}
