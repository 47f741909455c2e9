package org.ddjvm.domain.tensor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A pure-Java, exact and simple {@link TensorOps}: the yardstick other backends are tested against.
 * Values live in {@code double[]}; FLOAT32 results are rounded to float after every operation. Closed
 * tensors throw {@link IllegalStateException} on use, which makes lifetime bugs in callers visible.
 */
public final class ReferenceTensorOps implements TensorOps {

    private final Deque<ReferenceScope> scopes = new ArrayDeque<>();
    /** Instances of one family take each other's tensors as arguments; null: this instance's tensors only. */
    private final Object family;
    private int live;

    public ReferenceTensorOps() {
        this(null);
    }

    private ReferenceTensorOps(Object family) {
        this.family = family;
    }

    /**
     * A source of instances that {@link #sharesTensorsAcrossThreads() share tensors}: each reads the others'
     * (a tensor closed meanwhile still throws on use), and frees only its own.
     */
    public static java.util.function.Supplier<ReferenceTensorOps> sharingFamily() {
        Object family = new Object();
        return () -> new ReferenceTensorOps(family);
    }

    @Override
    public boolean sharesTensorsAcrossThreads() {
        return family != null;
    }

    @Override
    public String backendName() {
        return "reference";
    }

    /** Tensors created by this backend and not yet closed (directly or by their scope). */
    public int liveTensors() {
        return live;
    }

    // ---- lifetimes -------------------------------------------------------------------------

    @Override
    public TensorScope scope() {
        ReferenceScope scope = new ReferenceScope(this, scopes.peek());
        scopes.push(scope);
        return scope;
    }

    void closing(ReferenceScope scope) {
        if (scopes.peek() != scope) {
            throw new IllegalStateException("scopes must be closed in reverse order of opening");
        }
        scopes.pop();
    }

    void released() {
        live--;
    }

    /** This backend's tensor behind {@code t}, still open. */
    ReferenceTensor checked(Tensor t, String op) {
        if (!(t instanceof ReferenceTensor r) || !readable(r)) {
            throw new IllegalArgumentException(op + ": not a tensor of this reference backend: " + t);
        }
        if (r.isClosed()) {
            throw new IllegalStateException(op + ": tensor " + r.shape() + " " + r.dtype() + " was used after it was closed");
        }
        return r;
    }

    private boolean readable(ReferenceTensor r) {
        return r.backend() == this || (family != null && r.backend().family == family);
    }

    private double[] values(Tensor t, String op) {
        return checked(t, op).data(op);
    }

    /** Wraps freshly computed values (taking ownership of the array) in the innermost scope. */
    private Tensor create(double[] data, Shape shape, DType dtype) {
        if (dtype == DType.FLOAT32) {
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) data[i];
            }
        }
        ReferenceTensor t = new ReferenceTensor(this, data, shape, dtype, null);
        live++;
        if (!scopes.isEmpty()) {
            scopes.peek().adopt(t);
        }
        return t;
    }

    // ---- creation and copies ---------------------------------------------------------------

    @Override
    public Tensor fromArray(double[] data, Shape shape, DType dtype) {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("fromArray: " + data.length + " values for shape " + shape);
        }
        return create(data.clone(), shape, dtype);
    }

    @Override
    public Tensor fromArray(float[] data, Shape shape) {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("fromArray: " + data.length + " values for shape " + shape);
        }
        double[] values = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            values[i] = data[i];
        }
        return create(values, shape, DType.FLOAT32);
    }

    @Override
    public Tensor zeros(Shape shape, DType dtype) {
        return create(new double[shape.intSize()], shape, dtype);
    }

    @Override
    public double[] toDoubleArray(Tensor t) {
        return values(t, "toDoubleArray").clone();
    }

    @Override
    public float[] toFloatArray(Tensor t) {
        double[] v = values(t, "toFloatArray");
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    @Override
    public Tensor cast(Tensor t, DType dtype) {
        return create(values(t, "cast").clone(), t.shape(), dtype);
    }

    // ---- shape ------------------------------------------------------------------------------

    @Override
    public Tensor reshape(Tensor t, Shape shape) {
        double[] v = values(t, "reshape");
        if (shape.size() != v.length) {
            throw new IllegalArgumentException("reshape: cannot reshape " + t.shape() + " to " + shape);
        }
        return create(v.clone(), shape, t.dtype());
    }

    @Override
    public Tensor transpose(Tensor t) {
        double[] v = values(t, "transpose");
        requireRank("transpose", t, 2);
        return create(transposed(v, t.shape().dim(0), t.shape().dim(1)), Shape.of(t.shape().dim(1), t.shape().dim(0)),
                t.dtype());
    }

    private static double[] transposed(double[] v, int rows, int cols) {
        double[] out = new double[v.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j * rows + i] = v[i * cols + j];
            }
        }
        return out;
    }

    // ---- elementwise and reductions ---------------------------------------------------------

    @Override
    public Tensor add(Tensor a, Tensor b) {
        return zip("add", a, b, Double::sum);
    }

    @Override
    public Tensor sub(Tensor a, Tensor b) {
        return zip("sub", a, b, (x, y) -> x - y);
    }

    @Override
    public Tensor mul(Tensor a, Tensor b) {
        return zip("mul", a, b, (x, y) -> x * y);
    }

    @Override
    public Tensor scale(Tensor a, double factor) {
        return map("scale", a, x -> x * factor);
    }

    @Override
    public Tensor addScaled(Tensor a, Tensor b, double factor) {
        return zip("addScaled", a, b, (x, y) -> x + factor * y);
    }

    @Override
    public Tensor addBias(Tensor x, Tensor bias) {
        double[] v = values(x, "addBias");
        double[] b = values(bias, "addBias");
        int channels = biasChannels("addBias", x);
        if (bias.shape().rank() != 1 || bias.shape().dim(0) != channels || bias.dtype() != x.dtype()) {
            throw new IllegalArgumentException("addBias: bias " + bias.shape() + " " + bias.dtype()
                    + " does not fit x " + x.shape() + " " + x.dtype());
        }
        int plane = planeSize(x.shape());
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] + b[(i / plane) % channels];
        }
        return create(out, x.shape(), x.dtype());
    }

    @Override
    public Tensor sumToBias(Tensor x) {
        double[] v = values(x, "sumToBias");
        int channels = biasChannels("sumToBias", x);
        int plane = planeSize(x.shape());
        double[] out = new double[channels];
        for (int i = 0; i < v.length; i++) {
            out[(i / plane) % channels] += v[i];
        }
        return create(out, Shape.of(channels), x.dtype());
    }

    private static int biasChannels(String op, Tensor x) {
        if (x.shape().rank() != 2 && x.shape().rank() != 4) {
            throw new IllegalArgumentException(op + ": needs [N,C] or [N,C,H,W], got " + x.shape());
        }
        return x.shape().dim(1);
    }

    /** Elements per channel and sample: 1 for [N,C], H·W for [N,C,H,W]. */
    private static int planeSize(Shape s) {
        return s.rank() == 4 ? s.dim(2) * s.dim(3) : 1;
    }

    @Override
    public double sum(Tensor t) {
        double s = 0;
        for (double x : values(t, "sum")) {
            s += x;
        }
        return s;
    }

    @Override
    public double dot(Tensor a, Tensor b) {
        double[] x = values(a, "dot");
        double[] y = values(b, "dot");
        requireSameShape("dot", a, b);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    @Override
    public Tensor sumRows(Tensor t) {
        double[] v = values(t, "sumRows");
        requireRank("sumRows", t, 2);
        int rows = t.shape().dim(0);
        int cols = t.shape().dim(1);
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i] += v[i * cols + j];
            }
        }
        return create(out, Shape.of(rows, 1), t.dtype());
    }

    @Override
    public Tensor mulColumn(Tensor x, Tensor column) {
        double[] v = values(x, "mulColumn");
        double[] c = values(column, "mulColumn");
        requireRank("mulColumn", x, 2);
        if (!column.shape().equals(Shape.of(x.shape().dim(0), 1)) || column.dtype() != x.dtype()) {
            throw new IllegalArgumentException("mulColumn: column " + column.shape() + " " + column.dtype()
                    + " does not fit x " + x.shape() + " " + x.dtype());
        }
        int cols = x.shape().dim(1);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * c[i / cols];
        }
        return create(out, x.shape(), x.dtype());
    }

    // ---- pointwise nonlinearities ----------------------------------------------------------

    @Override
    public Tensor relu(Tensor x) {
        return map("relu", x, v -> v > 0 ? v : 0.0);
    }

    @Override
    public Tensor positiveMask(Tensor x) {
        return map("positiveMask", x, v -> v > 0 ? 1.0 : 0.0);
    }

    @Override
    public Tensor softmax(Tensor logits) {
        return rowwise("softmax", logits, false);
    }

    @Override
    public Tensor logSoftmax(Tensor logits) {
        return rowwise("logSoftmax", logits, true);
    }

    /** Softmax or log-softmax of each row, with the row maximum subtracted first. */
    private Tensor rowwise(String op, Tensor logits, boolean log) {
        double[] v = values(logits, op);
        requireRank(op, logits, 2);
        int cols = logits.shape().dim(1);
        double[] out = new double[v.length];
        for (int row = 0; row * cols < v.length; row++) {
            int start = row * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = start; j < start + cols; j++) {
                max = Math.max(max, v[j]);
            }
            double sum = 0;
            for (int j = start; j < start + cols; j++) {
                sum += Math.exp(v[j] - max);
            }
            double logSum = Math.log(sum);
            for (int j = start; j < start + cols; j++) {
                out[j] = log ? v[j] - max - logSum : Math.exp(v[j] - max) / sum;
            }
        }
        return create(out, logits.shape(), logits.dtype());
    }

    // ---- linear algebra and convolution -----------------------------------------------------

    @Override
    public Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        double[] av = values(a, "matmul");
        double[] bv = values(b, "matmul");
        requireRank("matmul", a, 2);
        requireRank("matmul", b, 2);
        Shape sa = a.shape();
        Shape sb = b.shape();
        int m = transposeA ? sa.dim(1) : sa.dim(0);
        int k = transposeA ? sa.dim(0) : sa.dim(1);
        int kb = transposeB ? sb.dim(1) : sb.dim(0);
        int n = transposeB ? sb.dim(0) : sb.dim(1);
        if (k != kb || a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("matmul: cannot multiply " + sa + (transposeA ? "^T " : " ") + a.dtype()
                    + " by " + sb + (transposeB ? "^T " : " ") + b.dtype());
        }
        double[] left = transposeA ? transposed(av, sa.dim(0), sa.dim(1)) : av;
        double[] right = transposeB ? transposed(bv, sb.dim(0), sb.dim(1)) : bv;
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double lip = left[i * k + p];
                for (int j = 0; j < n; j++) {
                    out[i * n + j] += lip * right[p * n + j];
                }
            }
        }
        return create(out, Shape.of(m, n), a.dtype());
    }

    @Override
    public Tensor conv2d(Tensor x, Tensor w, int pad) {
        double[] xv = values(x, "conv2d");
        double[] wv = values(w, "conv2d");
        requireSameDtype("conv2d", x, w);
        ConvGeometry g = ConvGeometry.of("conv2d", x.shape(), w.shape(), pad);
        double[] y = new double[g.outputShape().intSize()];
        g.forEachRow((wi, xs, ys, len) -> {
            double weight = wv[wi];
            for (int t = 0; t < len; t++) {
                y[ys + t] += weight * xv[xs + t];
            }
        });
        return create(y, g.outputShape(), x.dtype());
    }

    @Override
    public Tensor conv2dInputGrad(Tensor dy, Tensor w, Shape inputShape, int pad) {
        double[] dyv = values(dy, "conv2dInputGrad");
        double[] wv = values(w, "conv2dInputGrad");
        requireSameDtype("conv2dInputGrad", dy, w);
        ConvGeometry g = ConvGeometry.of("conv2dInputGrad", inputShape, w.shape(), pad);
        requireOutputShape("conv2dInputGrad", dy, g);
        double[] dx = new double[inputShape.intSize()];
        g.forEachRow((wi, xs, ys, len) -> {
            double weight = wv[wi];
            for (int t = 0; t < len; t++) {
                dx[xs + t] += weight * dyv[ys + t];
            }
        });
        return create(dx, inputShape, dy.dtype());
    }

    @Override
    public Tensor conv2dWeightGrad(Tensor x, Tensor dy, Shape weightShape, int pad) {
        double[] xv = values(x, "conv2dWeightGrad");
        double[] dyv = values(dy, "conv2dWeightGrad");
        requireSameDtype("conv2dWeightGrad", x, dy);
        ConvGeometry g = ConvGeometry.of("conv2dWeightGrad", x.shape(), weightShape, pad);
        requireOutputShape("conv2dWeightGrad", dy, g);
        double[] dw = new double[weightShape.intSize()];
        g.forEachRow((wi, xs, ys, len) -> {
            double s = 0;
            for (int t = 0; t < len; t++) {
                s += dyv[ys + t] * xv[xs + t];
            }
            dw[wi] += s;
        });
        return create(dw, weightShape, x.dtype());
    }

    private static void requireOutputShape(String op, Tensor dy, ConvGeometry g) {
        if (!dy.shape().equals(g.outputShape())) {
            throw new IllegalArgumentException(op + ": dy " + dy.shape() + " is not the output shape "
                    + g.outputShape() + " of input " + g.inputShape() + " and weight " + g.weightShape()
                    + " with pad " + g.pad());
        }
    }

    // ---- max pooling -------------------------------------------------------------------------

    @Override
    public Tensor maxPoolRouting(Tensor x, int k) {
        double[] v = values(x, "maxPoolRouting");
        PoolGeometry g = PoolGeometry.of("maxPoolRouting", x.shape(), k);
        double[] routing = new double[g.windows()];
        for (int window = 0; window < routing.length; window++) {
            int best = 0;
            for (int offset = 1; offset < k * k; offset++) {
                if (v[g.inputIndex(window, offset)] > v[g.inputIndex(window, best)]) {
                    best = offset; // strictly greater: the first maximum wins ties
                }
            }
            routing[window] = best;
        }
        return create(routing, g.pooled(), x.dtype());
    }

    @Override
    public Tensor maxPoolApply(Tensor x, Tensor routing, int k) {
        double[] v = values(x, "maxPoolApply");
        double[] r = values(routing, "maxPoolApply");
        PoolGeometry g = PoolGeometry.of("maxPoolApply", x.shape(), k);
        requirePooledShape("maxPoolApply", routing, g);
        double[] out = new double[r.length];
        for (int window = 0; window < r.length; window++) {
            out[window] = v[g.inputIndex(window, g.offset("maxPoolApply", r[window]))];
        }
        return create(out, g.pooled(), x.dtype());
    }

    @Override
    public Tensor maxPoolBackward(Tensor dy, Tensor routing, int k, Shape inputShape) {
        double[] d = values(dy, "maxPoolBackward");
        double[] r = values(routing, "maxPoolBackward");
        PoolGeometry g = PoolGeometry.of("maxPoolBackward", inputShape, k);
        requirePooledShape("maxPoolBackward", routing, g);
        requirePooledShape("maxPoolBackward", dy, g);
        double[] dx = new double[inputShape.intSize()];
        for (int window = 0; window < r.length; window++) {
            dx[g.inputIndex(window, g.offset("maxPoolBackward", r[window]))] += d[window];
        }
        return create(dx, inputShape, dy.dtype());
    }

    private static void requirePooledShape(String op, Tensor t, PoolGeometry g) {
        if (!t.shape().equals(g.pooled())) {
            throw new IllegalArgumentException(op + ": " + t.shape() + " is not the pooled shape " + g.pooled()
                    + " of input " + g.input() + " with k " + g.k());
        }
    }

    // ---- classification helpers --------------------------------------------------------------

    @Override
    public int[] argmaxRows(Tensor logits) {
        double[] v = values(logits, "argmaxRows");
        requireRank("argmaxRows", logits, 2);
        int cols = logits.shape().dim(1);
        int[] out = new int[logits.shape().dim(0)];
        for (int row = 0; row < out.length; row++) {
            for (int j = 1; j < cols; j++) {
                if (v[row * cols + j] > v[row * cols + out[row]]) {
                    out[row] = j;
                }
            }
        }
        return out;
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Tensor map(String op, Tensor a, DoubleUnaryOperator f) {
        double[] v = values(a, op);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = f.applyAsDouble(v[i]);
        }
        return create(out, a.shape(), a.dtype());
    }

    private Tensor zip(String op, Tensor a, Tensor b, DoubleBinaryOperator f) {
        double[] x = values(a, op);
        double[] y = values(b, op);
        requireSameShape(op, a, b);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = f.applyAsDouble(x[i], y[i]);
        }
        return create(out, a.shape(), a.dtype());
    }

    private static void requireSameShape(String op, Tensor a, Tensor b) {
        if (!a.shape().equals(b.shape()) || a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": operands differ: " + a.shape() + " " + a.dtype()
                    + " and " + b.shape() + " " + b.dtype());
        }
    }

    private static void requireSameDtype(String op, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": dtypes differ: " + a.shape() + " " + a.dtype()
                    + " and " + b.shape() + " " + b.dtype());
        }
    }

    private static void requireRank(String op, Tensor t, int rank) {
        if (t.shape().rank() != rank) {
            throw new IllegalArgumentException(op + ": needs a rank-" + rank + " tensor, got " + t.shape());
        }
    }

    @Override
    public String toString() {
        return "ReferenceTensorOps[" + live + " live tensors]";
    }
}
