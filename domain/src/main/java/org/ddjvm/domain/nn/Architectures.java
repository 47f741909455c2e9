package org.ddjvm.domain.nn;

import java.util.List;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.tensor.Shape;

/** The networks the method is run with, by name. */
public final class Architectures {

    private Architectures() {
    }

    public static List<String> names() {
        return List.of("lenet", "mlp");
    }

    /** The named network for a dataset's image geometry and classes. */
    public static Network forDataset(String name, DatasetDescriptor dataset) {
        return byName(name, dataset.channels(), dataset.height(), dataset.width(), dataset.classes());
    }

    public static Network byName(String name, int channels, int height, int width, int classes) {
        return switch (name) {
            case "lenet" -> lenet(channels, height, width, classes);
            case "mlp" -> mlp(channels, height, width, classes);
            default -> throw new IllegalArgumentException("unknown architecture '" + name + "' (known: "
                    + String.join(", ", names()) + ")");
        };
    }

    /**
     * LeNet as in the authors' code: conv 5×5 (padding 2 on 28×28 inputs, 0 on 32×32), ReLU, max-pool 2,
     * conv 5×5 to 16 channels, ReLU, max-pool 2, then 120-84-classes with ReLUs. 61,706 parameters on MNIST.
     *
     * <p>Each max-pool runs before its ReLU. The two commute exactly (max is monotone and ReLU keeps order):
     * the values are the same, and so are the gradients and Hessian-vector products, since a window whose
     * maximum is not positive passes no gradient in either order and any other window routes to the same
     * first maximum. Pooling first lets the ReLU and its mask work on a quarter of the values.
     * {@code LeNetLayerOrderTest} checks the equivalence against the authors' order.
     */
    public static Network lenet(int channels, int height, int width, int classes) {
        if (height != width || (height != 28 && height != 32)) {
            throw new IllegalArgumentException("lenet takes 28×28 or 32×32 images, not " + height + "×" + width);
        }
        int pad = height == 28 ? 2 : 0;
        return new Network("lenet", Shape.of(channels, height, width), List.of(
                new NamedLayer("conv1", new Conv2d(channels, 6, 5, pad)),
                new NamedLayer("pool1", new MaxPool2d(2)),
                new NamedLayer("relu1", new Relu()),
                new NamedLayer("conv2", new Conv2d(6, 16, 5, 0)),
                new NamedLayer("pool2", new MaxPool2d(2)),
                new NamedLayer("relu2", new Relu()),
                new NamedLayer("flatten", new Flatten()),
                new NamedLayer("fc1", new Linear(16 * 5 * 5, 120)),
                new NamedLayer("relu3", new Relu()),
                new NamedLayer("fc2", new Linear(120, 84)),
                new NamedLayer("relu4", new Relu()),
                new NamedLayer("fc3", new Linear(84, classes))));
    }

    /** A multilayer perceptron with hidden layers of 300 and 100 units (LeNet-300-100). */
    public static Network mlp(int channels, int height, int width, int classes) {
        int in = channels * height * width;
        return new Network("mlp", Shape.of(channels, height, width), List.of(
                new NamedLayer("flatten", new Flatten()),
                new NamedLayer("fc1", new Linear(in, 300)),
                new NamedLayer("relu1", new Relu()),
                new NamedLayer("fc2", new Linear(300, 100)),
                new NamedLayer("relu2", new Relu()),
                new NamedLayer("fc3", new Linear(100, classes))));
    }
}
