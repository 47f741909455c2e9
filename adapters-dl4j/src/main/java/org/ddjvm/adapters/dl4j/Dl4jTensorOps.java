package org.ddjvm.adapters.dl4j;

import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.KernelArguments;
import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorOps;
import org.ddjvm.domain.tensor.TensorScope;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link TensorOps} on ND4J (libnd4j with oneDNN). Every result is a new array in the workspace of the innermost
 * open {@link TensorScope}, registered there; elementwise work goes through libnd4j's legacy kernels (a few
 * microseconds per call), the rest through its custom ops with preallocated outputs. One thread at a time.
 */
public final class Dl4jTensorOps implements TensorOps, AutoCloseable {

    private final Dl4jSettings settings;
    private final ScopeStack scopes = new ScopeStack();
    private final Dl4jConvolutions convolutions = new Dl4jConvolutions(new ColumnConvolutions(scopes));

    public Dl4jTensorOps() {
        this(Dl4jSettings.defaults());
    }

    public Dl4jTensorOps(Dl4jSettings settings) {
        this.settings = settings;
        Dl4jEngineStarter.start(settings);
    }

    public Dl4jSettings settings() {
        return settings;
    }

    @Override
    public String backendName() {
        return Dl4jBackend.NAME;
    }

    /** Closes every open scope and drops the workspaces this object made on the calling thread. */
    @Override
    public void close() {
        scopes.closeAll();
    }

    // ---- lifetimes -------------------------------------------------------------------------

    @Override
    public TensorScope scope() {
        return scopes.push();
    }

    private Tensor wrap(INDArray array) {
        return scopes.register(new Dl4jTensor(array));
    }

    private static INDArray nd(Tensor t) {
        if (t instanceof Dl4jTensor dl4j) {
            return dl4j.array();
        }
        throw new IllegalArgumentException("not an ND4J tensor: " + t);
    }

    private static INDArray like(Tensor t) {
        return Kernels.empty(Dl4jTypes.nd4j(t.dtype()), Dl4jTypes.nd4j(t.shape()));
    }

    /** Runs a legacy op whose result array is z and wraps z. */
    private Tensor into(INDArray z, Op op) {
        Nd4j.getExecutioner().exec(op);
        return wrap(z);
    }

    // ---- creation and copies ---------------------------------------------------------------

    @Override
    public Tensor fromArray(double[] data, Shape shape, DType dtype) {
        KernelArguments.size(data.length, shape);
        if (dtype == DType.FLOAT32) {
            return fromArray(toFloats(data), shape);
        }
        return wrap(Nd4j.create(data, Dl4jTypes.nd4j(shape), DataType.DOUBLE));
    }

    @Override
    public Tensor fromArray(float[] data, Shape shape) {
        KernelArguments.size(data.length, shape);
        return wrap(Nd4j.create(data, Dl4jTypes.nd4j(shape), DataType.FLOAT));
    }

    @Override
    public Tensor zeros(Shape shape, DType dtype) {
        return wrap(Nd4j.zeros(Dl4jTypes.nd4j(dtype), Dl4jTypes.nd4j(shape)));
    }

    @Override
    public double[] toDoubleArray(Tensor t) {
        return Kernels.dense(nd(t)).data().asDouble();
    }

    @Override
    public float[] toFloatArray(Tensor t) {
        return Kernels.dense(nd(t)).data().asFloat();
    }

    /** The same array when the dtype already matches (tensors are immutable), else a converted copy. */
    @Override
    public Tensor cast(Tensor t, DType dtype) {
        INDArray a = nd(t);
        DataType target = Dl4jTypes.nd4j(dtype);
        return wrap(a.dataType() == target ? a : a.castTo(target));
    }

    // ---- shape ------------------------------------------------------------------------------

    /** A view when the array is dense and row-major (every array made here is), else a reshaped copy. */
    @Override
    public Tensor reshape(Tensor t, Shape shape) {
        KernelArguments.size(t.shape().size(), shape);
        return wrap(Kernels.dense(nd(t)).reshape('c', Dl4jTypes.nd4j(shape)));
    }

    @Override
    public Tensor transpose(Tensor t) {
        KernelArguments.rank(t, 2, "transpose");
        return wrap(nd(t).transpose().dup('c'));
    }

    // ---- elementwise and reductions ---------------------------------------------------------

    @Override
    public Tensor add(Tensor a, Tensor b) {
        KernelArguments.same(a, b);
        return addScaled(a, b, 1.0);
    }

    @Override
    public Tensor sub(Tensor a, Tensor b) {
        KernelArguments.same(a, b);
        return addScaled(a, b, -1.0);
    }

    @Override
    public Tensor mul(Tensor a, Tensor b) {
        KernelArguments.same(a, b);
        INDArray z = like(a);
        Nd4j.exec(new MulOp(new INDArray[] {nd(a), nd(b)}, new INDArray[] {z}));
        return wrap(z);
    }

    @Override
    public Tensor scale(Tensor a, double factor) {
        INDArray z = like(a);
        return into(z, new ScalarMultiplication(nd(a), null, z, factor));
    }

    /** One legacy pass, z = factor·b + a (exact for factor ±1, so it also serves add and sub). */
    @Override
    public Tensor addScaled(Tensor a, Tensor b, double factor) {
        KernelArguments.same(a, b);
        INDArray z = like(a);
        return into(z, new Axpy(nd(b), nd(a), z, factor));
    }

    @Override
    public Tensor addBias(Tensor x, Tensor bias) {
        KernelArguments.bias(x, bias);
        // libnd4j's biasadd: along axis 1 of NCHW, or the last axis of [N, C]; 2-10x faster than a legacy broadcast
        INDArray z = like(x);
        Nd4j.exec(DynamicCustomOp.builder("biasadd").addInputs(nd(x), nd(bias)).addOutputs(z)
                .addBooleanArguments(x.shape().rank() == 4).build());
        return wrap(z);
    }

    @Override
    public Tensor sumToBias(Tensor x) {
        KernelArguments.biasSource(x);
        return wrap(x.shape().rank() == 2 ? nd(x).sum(0) : nd(x).sum(0, 2, 3));
    }

    @Override
    public double sum(Tensor t) {
        return Nd4j.getExecutioner().exec(new Sum(nd(t))).getDouble(0);
    }

    @Override
    public double dot(Tensor a, Tensor b) {
        KernelArguments.same(a, b);
        return Nd4j.getExecutioner().exec(new Dot(nd(a), nd(b))).getDouble(0);
    }

    @Override
    public Tensor sumRows(Tensor t) {
        KernelArguments.rank(t, 2, "sumRows");
        return wrap(nd(t).sum(true, 1));
    }

    @Override
    public Tensor mulColumn(Tensor x, Tensor column) {
        KernelArguments.column(x, column);
        INDArray z = like(x);
        // the custom multiply broadcasts [N, 1] over [N, K]
        Nd4j.exec(new MulOp(new INDArray[] {nd(x), nd(column)}, new INDArray[] {z}));
        return wrap(z);
    }

    // ---- pointwise nonlinearities ----------------------------------------------------------

    @Override
    public Tensor relu(Tensor x) {
        INDArray z = like(x);
        return into(z, new RectifiedLinear(nd(x), z, 0.0));
    }

    @Override
    public Tensor positiveMask(Tensor x) {
        INDArray z = like(x);
        return into(z, new Step(nd(x), z, 0.0));
    }

    @Override
    public Tensor softmax(Tensor logits) {
        KernelArguments.rank(logits, 2, "softmax");
        INDArray z = like(logits);
        Kernels.run("softmax", new INDArray[] {nd(logits)}, new INDArray[] {z}, 1);
        return wrap(z);
    }

    @Override
    public Tensor logSoftmax(Tensor logits) {
        KernelArguments.rank(logits, 2, "logSoftmax");
        // x − log Σ exp x per row; libnd4j's log_softmax takes the log of a softmax that underflows to 0
        INDArray x = nd(logits);
        INDArray logSumExp = Kernels.empty(x.dataType(), x.size(0));
        Kernels.run("reduce_logsumexp", new INDArray[] {x}, new INDArray[] {logSumExp}, 1);
        INDArray z = like(logits);
        return into(z, new BroadcastSubOp(x, logSumExp, z, 0));
    }

    // ---- linear algebra and convolution -----------------------------------------------------

    @Override
    public Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        KernelArguments.matmul(a, b, transposeA, transposeB);
        int rows = a.shape().dim(transposeA ? 1 : 0);
        int columns = b.shape().dim(transposeB ? 0 : 1);
        INDArray z = Kernels.empty(Dl4jTypes.nd4j(a.dtype()), rows, columns);
        Kernels.run("matmul", new INDArray[] {nd(a), nd(b)}, new INDArray[] {z}, transposeA ? 1 : 0,
                transposeB ? 1 : 0);
        return wrap(z);
    }

    @Override
    public Tensor conv2d(Tensor x, Tensor w, int pad) {
        KernelArguments.conv(x.shape(), w.shape(), pad);
        KernelArguments.sameDtype(x, w);
        return wrap(convolutions.conv2d(nd(x), nd(w), pad));
    }

    @Override
    public Tensor conv2dInputGrad(Tensor dy, Tensor w, Shape inputShape, int pad) {
        KernelArguments.convInputGrad(dy, w, inputShape, pad);
        return wrap(convolutions.inputGrad(nd(dy), nd(w), inputShape.dim(2), inputShape.dim(3), pad));
    }

    @Override
    public Tensor conv2dWeightGrad(Tensor x, Tensor dy, Shape weightShape, int pad) {
        KernelArguments.convWeightGrad(x, dy, weightShape, pad);
        return wrap(convolutions.weightGrad(nd(x), nd(dy), pad));
    }

    // ---- max pooling ------------------------------------------------------------------------

    /** The routing is x's own array (no work now): libnd4j's pooling kernels find the maxima from it. */
    @Override
    public Tensor maxPoolRouting(Tensor x, int k) {
        KernelArguments.poolable(x.shape(), k);
        return scopes.register(Dl4jTensor.routing(Kernels.dense(nd(x)), x.dtype()));
    }

    @Override
    public Tensor maxPoolApply(Tensor x, Tensor routing, int k) {
        KernelArguments.poolable(x.shape(), k);
        requireRouting(routing, x.shape(), k);
        KernelArguments.sameDtype(x, routing);
        return wrap(Dl4jPooling.apply(nd(x), nd(routing), k));
    }

    @Override
    public Tensor maxPoolBackward(Tensor dy, Tensor routing, int k, Shape inputShape) {
        KernelArguments.require(dy.shape().equals(KernelArguments.pooled(inputShape, k)),
                "maxPoolBackward: dy " + dy.shape() + " is not " + inputShape + " pooled by " + k);
        requireRouting(routing, inputShape, k);
        KernelArguments.sameDtype(dy, routing);
        return wrap(Dl4jPooling.backward(nd(dy), nd(routing), k));
    }

    // ---- classification helpers --------------------------------------------------------------

    @Override
    public int[] argmaxRows(Tensor logits) {
        KernelArguments.rank(logits, 2, "argmaxRows");
        return Nd4j.argMax(nd(logits), 1).toIntVector();
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static float[] toFloats(double[] data) {
        float[] floats = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            floats[i] = (float) data[i];
        }
        return floats;
    }

    /** This backend's routing for max-pooling an input of this shape by k. */
    private static void requireRouting(Tensor routing, Shape input, int k) {
        KernelArguments.require(routing instanceof Dl4jTensor dl4j && dl4j.isRouting() && routing.shape().equals(input),
                "not a max-pool routing of " + input + " by " + k + ": " + routing);
    }
}
