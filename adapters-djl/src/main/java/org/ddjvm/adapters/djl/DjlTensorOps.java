package org.ddjvm.adapters.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Function;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.KernelArguments;
import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorOps;
import org.ddjvm.domain.tensor.TensorScope;

/**
 * {@link TensorOps} on DJL's PyTorch engine. Every array lives in one {@link NDManager} owned by this
 * object; every op closes the arrays it makes on the way, so only its result survives, registered in the
 * innermost open {@link TensorScope}. One thread at a time, like the port says.
 */
public final class DjlTensorOps implements TensorOps, AutoCloseable {

    private final DjlSettings settings;
    private final NDManager manager;
    private final ScopeStack scopes = new ScopeStack();
    private final ScalarCache scalars;

    public DjlTensorOps() {
        this(DjlSettings.defaults());
    }

    public DjlTensorOps(DjlSettings settings) {
        this.settings = settings;
        Device device = DjlEngineStarter.start(settings);
        this.manager = Engine.getEngine(DjlEngineStarter.ENGINE).newBaseManager(device);
        this.scalars = new ScalarCache(Engine.getEngine(DjlEngineStarter.ENGINE).newBaseManager(device));
    }

    public DjlSettings settings() {
        return settings;
    }

    @Override
    public String backendName() {
        return "djl";
    }

    /** Closes every open scope and frees every array this object still holds. */
    @Override
    public void close() {
        scopes.closeAll();
        scalars.close();
        manager.close();
    }

    /** How many native arrays this object holds now (for leak tests). */
    int liveArrays() {
        return manager.getManagedArrays().size();
    }

    // ---- lifetimes -------------------------------------------------------------------------

    @Override
    public TensorScope scope() {
        return scopes.push();
    }

    /**
     * libtorch tensors are safe to read from several threads, and nothing here writes an argument in place; a
     * result belongs to the instance that made it (its scope), whichever NDManager DJL attached it to.
     */
    @Override
    public boolean sharesTensorsAcrossThreads() {
        return true;
    }

    private Tensor wrap(NDArray array) {
        return scopes.register(new DjlTensor(array));
    }

    private static NDArray nd(Tensor t) {
        if (t instanceof DjlTensor djl) {
            return djl.array();
        }
        throw new IllegalArgumentException("not a DJL tensor: " + t);
    }

    // ---- creation and copies ---------------------------------------------------------------

    @Override
    public Tensor fromArray(double[] data, Shape shape, DType dtype) {
        KernelArguments.size(data.length, shape);
        if (dtype == DType.FLOAT32) {
            return fromArray(toFloats(data), shape);
        }
        return wrap(manager.create(data, DjlTypes.djl(shape)));
    }

    @Override
    public Tensor fromArray(float[] data, Shape shape) {
        KernelArguments.size(data.length, shape);
        return wrap(manager.create(data, DjlTypes.djl(shape)));
    }

    @Override
    public Tensor zeros(Shape shape, DType dtype) {
        return wrap(manager.zeros(DjlTypes.djl(shape), DjlTypes.djl(dtype)));
    }

    @Override
    public double[] toDoubleArray(Tensor t) {
        return read(t, a -> {
            if (a.getDataType() == DataType.FLOAT64) {
                return a.toDoubleArray();
            }
            float[] floats = a.toFloatArray();
            double[] doubles = new double[floats.length];
            for (int i = 0; i < floats.length; i++) {
                doubles[i] = floats[i];
            }
            return doubles;
        });
    }

    @Override
    public float[] toFloatArray(Tensor t) {
        return read(t, a -> a.getDataType() == DataType.FLOAT32 ? a.toFloatArray() : toFloats(a.toDoubleArray()));
    }

    /**
     * Reads through a flat view held by a throwaway manager: DJL copies a non-contiguous array (a transpose,
     * say) before reading it and attaches that copy to the array's manager without ever closing it.
     */
    private <R> R read(Tensor t, Function<NDArray, R> reader) {
        try (NDManager temporary = manager.newSubManager();
             NDArray flat = nd(t).reshape(-1)) {
            flat.attach(temporary);
            return reader.apply(flat);
        }
    }

    @Override
    public Tensor cast(Tensor t, DType dtype) {
        NDArray a = nd(t);
        DataType target = DjlTypes.djl(dtype);
        return wrap(a.getDataType() == target ? a.duplicate() : a.toType(target, true));
    }

    // ---- shape ------------------------------------------------------------------------------

    @Override
    public Tensor reshape(Tensor t, Shape shape) {
        KernelArguments.size(t.shape().size(), shape);
        return wrap(nd(t).reshape(DjlTypes.djl(shape)));
    }

    @Override
    public Tensor transpose(Tensor t) {
        KernelArguments.rank(t, 2, "transpose");
        return wrap(nd(t).transpose(1, 0));
    }

    // ---- elementwise and reductions ---------------------------------------------------------

    @Override
    public Tensor add(Tensor a, Tensor b) {
        KernelArguments.same(a, b);
        return wrap(nd(a).add(nd(b)));
    }

    @Override
    public Tensor sub(Tensor a, Tensor b) {
        KernelArguments.same(a, b);
        return wrap(nd(a).sub(nd(b)));
    }

    @Override
    public Tensor mul(Tensor a, Tensor b) {
        KernelArguments.same(a, b);
        return wrap(nd(a).mul(nd(b)));
    }

    @Override
    public Tensor scale(Tensor a, double factor) {
        return wrap(nd(a).mul(scalars.of(factor, nd(a).getDataType())));
    }

    @Override
    public Tensor addScaled(Tensor a, Tensor b, double factor) {
        KernelArguments.same(a, b);
        NDArray result = nd(b).mul(scalars.of(factor, nd(b).getDataType()));
        result.addi(nd(a));
        return wrap(result);
    }

    @Override
    public Tensor addBias(Tensor x, Tensor bias) {
        KernelArguments.bias(x, bias);
        if (x.shape().rank() == 2) {
            // [N, C] + [C] broadcasts as it is: no reshaped view to make and free
            return wrap(nd(x).add(nd(bias)));
        }
        long channels = x.shape().dim(1);
        try (NDArray column = nd(bias).reshape(new ai.djl.ndarray.types.Shape(1, channels, 1, 1))) {
            return wrap(nd(x).add(column));
        }
    }

    @Override
    public Tensor sumToBias(Tensor x) {
        KernelArguments.biasSource(x);
        int[] axes = x.shape().rank() == 2 ? new int[] {0} : new int[] {0, 2, 3};
        return wrap(nd(x).sum(axes));
    }

    @Override
    public double sum(Tensor t) {
        try (NDArray total = nd(t).sum()) {
            return scalar(total);
        }
    }

    @Override
    public double dot(Tensor a, Tensor b) {
        KernelArguments.same(a, b);
        if (a.shape().rank() == 1) {
            try (NDArray product = nd(a).dot(nd(b))) {
                return scalar(product);
            }
        }
        try (NDArray flatA = nd(a).reshape(-1);
             NDArray flatB = nd(b).reshape(-1);
             NDArray product = flatA.dot(flatB)) {
            return scalar(product);
        }
    }

    @Override
    public Tensor sumRows(Tensor t) {
        KernelArguments.rank(t, 2, "sumRows");
        return wrap(nd(t).sum(new int[] {1}, true));
    }

    @Override
    public Tensor mulColumn(Tensor x, Tensor column) {
        KernelArguments.column(x, column);
        return wrap(nd(x).mul(nd(column)));
    }

    // ---- pointwise nonlinearities ----------------------------------------------------------

    @Override
    public Tensor relu(Tensor x) {
        return wrap(Activation.relu(nd(x)));
    }

    @Override
    public Tensor positiveMask(Tensor x) {
        // sign(relu(x)) is 1 or 0 and runs as two vectorised float kernels, twice as fast as gt + cast
        try (NDArray rectified = Activation.relu(nd(x))) {
            return wrap(rectified.sign());
        }
    }

    @Override
    public Tensor softmax(Tensor logits) {
        KernelArguments.rank(logits, 2, "softmax");
        return wrap(nd(logits).softmax(1));
    }

    @Override
    public Tensor logSoftmax(Tensor logits) {
        KernelArguments.rank(logits, 2, "logSoftmax");
        return wrap(nd(logits).logSoftmax(1));
    }

    // ---- linear algebra and convolution -----------------------------------------------------

    @Override
    public Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        KernelArguments.matmul(a, b, transposeA, transposeB);
        if (!transposeA && transposeB) {
            // a·bᵀ, a linear layer's forward: libtorch's linear without bias is this very matmul of b's transposed
            // view, with no view to make and free on this side
            return wrap(JniUtils.linear((PtNDArray) nd(a), (PtNDArray) nd(b), null));
        }
        NDArray left = transposeA ? nd(a).transpose(1, 0) : nd(a);
        NDArray right = transposeB ? nd(b).transpose(1, 0) : nd(b);
        try {
            return wrap(left.matMul(right));
        } finally {
            if (transposeA) {
                left.close();
            }
            if (transposeB) {
                right.close();
            }
        }
    }

    @Override
    public Tensor conv2d(Tensor x, Tensor w, int pad) {
        KernelArguments.conv(x.shape(), w.shape(), pad);
        KernelArguments.sameDtype(x, w);
        return wrap(DjlConvolutions.conv2d(nd(x), nd(w), pad));
    }

    @Override
    public Tensor conv2dInputGrad(Tensor dy, Tensor w, Shape inputShape, int pad) {
        KernelArguments.convInputGrad(dy, w, inputShape, pad);
        return wrap(DjlConvolutions.inputGrad(nd(dy), nd(w), inputShape.dim(2), inputShape.dim(3), pad));
    }

    @Override
    public Tensor conv2dWeightGrad(Tensor x, Tensor dy, Shape weightShape, int pad) {
        KernelArguments.convWeightGrad(x, dy, weightShape, pad);
        return wrap(DjlConvolutions.weightGrad(nd(x), nd(dy), pad));
    }

    // ---- max pooling ------------------------------------------------------------------------

    /** The routing holds int64 plane positions [N, C, Ho·Wo]; its {@code dtype()} reports the input's. */
    @Override
    public Tensor maxPoolRouting(Tensor x, int k) {
        KernelArguments.poolable(x.shape(), k);
        return scopes.register(DjlTensor.routing(DjlPooling.routing(nd(x), k, scalars), x.dtype()));
    }

    @Override
    public Tensor maxPoolApply(Tensor x, Tensor routing, int k) {
        KernelArguments.poolable(x.shape(), k);
        requireRouting(routing, x.shape(), k);
        return wrap(DjlPooling.apply(nd(x), nd(routing), k));
    }

    @Override
    public Tensor maxPoolBackward(Tensor dy, Tensor routing, int k, Shape inputShape) {
        KernelArguments.require(dy.shape().equals(KernelArguments.pooled(inputShape, k)),
                "maxPoolBackward: dy " + dy.shape() + " is not " + inputShape + " pooled by " + k);
        requireRouting(routing, inputShape, k);
        return wrap(DjlPooling.backward(nd(dy), nd(routing), inputShape.dim(2), inputShape.dim(3)));
    }

    // ---- classification helpers --------------------------------------------------------------

    @Override
    public int[] argmaxRows(Tensor logits) {
        KernelArguments.rank(logits, 2, "argmaxRows");
        try (NDArray best = nd(logits).argMax(1)) {
            long[] indices = best.toLongArray();
            int[] result = new int[indices.length];
            for (int i = 0; i < indices.length; i++) {
                result[i] = (int) indices[i];
            }
            return result;
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static double scalar(NDArray a) {
        return a.getDataType() == DataType.FLOAT64 ? a.getDouble() : a.getFloat();
    }

    private static float[] toFloats(double[] data) {
        float[] floats = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            floats[i] = (float) data[i];
        }
        return floats;
    }

    /** This backend's routing for max-pooling an input of this shape by k. */
    private static void requireRouting(Tensor routing, Shape input, int k) {
        Shape expected = Shape.of(input.dim(0), input.dim(1), input.dim(2) / k * (input.dim(3) / k));
        KernelArguments.require(routing instanceof DjlTensor djl && djl.isRouting() && routing.shape().equals(expected),
                "not a max-pool routing of " + input + " by " + k + ": " + routing);
    }
}
