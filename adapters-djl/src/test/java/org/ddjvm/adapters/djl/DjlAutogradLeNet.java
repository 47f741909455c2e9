package org.ddjvm.adapters.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;

/** The reference point of DESIGN.md: LeNet forward + backward by DJL's own autograd, float32. */
final class DjlAutogradLeNet implements AutoCloseable {

    private final NDManager manager = Engine.getEngine("PyTorch").newBaseManager();
    private final NDArray x;
    private final NDArray y;
    private final NDArray[] params;
    private final int batch;

    DjlAutogradLeNet(int batch) {
        this.batch = batch;
        x = manager.randomNormal(new Shape(batch, 1, 28, 28));
        y = manager.arange(batch).toType(DataType.INT64, false).mod(10).oneHot(10, DataType.FLOAT32);
        Shape[] shapes = {new Shape(6, 1, 5, 5), new Shape(6), new Shape(16, 6, 5, 5), new Shape(16),
            new Shape(120, 400), new Shape(120), new Shape(84, 120), new Shape(84), new Shape(10, 84), new Shape(10)};
        params = new NDArray[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            params[i] = manager.randomNormal(shapes[i]).mul(0.1);
            params[i].setRequiresGradient(true);
        }
    }

    void step() {
        try (NDScope scope = new NDScope()) {
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray h = Conv2d.conv2d(x, params[0], params[1], new Shape(1, 1), new Shape(2, 2)).head();
                h = Pool.maxPool2d(Activation.relu(h), new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
                h = Conv2d.conv2d(h, params[2], params[3]).head();
                h = Pool.maxPool2d(Activation.relu(h), new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
                h = h.reshape(batch, 400);
                h = Activation.relu(Linear.linear(h, params[4], params[5]).head());
                h = Activation.relu(Linear.linear(h, params[6], params[7]).head());
                h = Linear.linear(h, params[8], params[9]).head();
                NDArray loss = h.logSoftmax(1).mul(y).sum().neg().div(batch);
                gc.backward(loss);
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
