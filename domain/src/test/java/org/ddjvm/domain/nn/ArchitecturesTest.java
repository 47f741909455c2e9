package org.ddjvm.domain.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ddjvm.domain.tensor.Shape;
import org.junit.jupiter.api.Test;

class ArchitecturesTest {

    @Test
    void lenetOnMnistIsThePapersNetworkWithPyTorchLayout() {
        Network lenet = Architectures.lenet(1, 28, 28, 10);
        assertThat(lenet.parameterCount()).isEqualTo(61_706);
        assertThat(lenet.parameters()).extracting(ParameterSpec::name).containsExactly("conv1.weight", "conv1.bias",
                "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight",
                "fc3.bias");
        assertThat(lenet.parameters()).extracting(ParameterSpec::shape).containsExactly(Shape.of(6, 1, 5, 5),
                Shape.of(6), Shape.of(16, 6, 5, 5), Shape.of(16), Shape.of(120, 400), Shape.of(120), Shape.of(84, 120),
                Shape.of(84), Shape.of(10, 84), Shape.of(10));
        assertThat(lenet.classes()).isEqualTo(10);
    }

    @Test
    void lenetOn32PixelsDropsTheFirstPadding() {
        Network lenet = Architectures.lenet(3, 32, 32, 10);
        assertThat(lenet.parameters().get(0).shape()).isEqualTo(Shape.of(6, 3, 5, 5));
        assertThat(lenet.parameters().get(4).shape()).isEqualTo(Shape.of(120, 400));
    }

    @Test
    void xavierFansAreThoseOfPyTorch() {
        ParameterSpec conv1 = Architectures.lenet(1, 28, 28, 10).parameters().get(0);
        assertThat(List.of(conv1.fanIn(), conv1.fanOut())).containsExactly(25, 150);
        ParameterSpec fc1 = Architectures.lenet(1, 28, 28, 10).parameters().get(4);
        assertThat(List.of(fc1.fanIn(), fc1.fanOut())).containsExactly(400, 120);
    }

    @Test
    void mlpIsLeNet300100() {
        assertThat(Architectures.mlp(1, 28, 28, 10).parameterCount()).isEqualTo(784 * 300 + 300 + 300 * 100 + 100
                + 100 * 10 + 10);
    }

    @Test
    void unknownArchitectureAndBadGeometryAreRejected() {
        assertThatThrownBy(() -> Architectures.byName("resnet", 1, 28, 28, 10)).hasMessageContaining("resnet");
        assertThatThrownBy(() -> Architectures.lenet(1, 16, 16, 10)).hasMessageContaining("16×16");
    }
}
