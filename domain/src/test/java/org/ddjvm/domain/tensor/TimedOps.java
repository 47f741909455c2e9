package org.ddjvm.domain.tensor;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A profiling decorator for benchmarks: total nanoseconds and calls per op name (synchronous CPU ops). Measures the
 * calling thread's CPU time, which one-thread kernels spend on it, so that other load on the machine does not
 * show up as op time.
 */
public final class TimedOps implements TensorOps {

    private static final java.lang.management.ThreadMXBean CLOCK = java.lang.management.ManagementFactory.getThreadMXBean();

    private final TensorOps inner;
    private final Map<String, long[]> totals = new TreeMap<>();
    private boolean enabled = true;

    public TimedOps(TensorOps inner) {
        this.inner = inner;
    }

    public void reset() {
        totals.clear();
    }

    public void enabled(boolean on) {
        enabled = on;
    }

    public Map<String, long[]> totals() {
        return totals;
    }

    private <T> T time(String name, Supplier<T> op) {
        if (!enabled) {
            return op.get();
        }
        long start = CLOCK.getCurrentThreadCpuTime();
        T result = op.get();
        long[] slot = totals.computeIfAbsent(name, k -> new long[3]);
        long elapsed = CLOCK.getCurrentThreadCpuTime() - start;
        slot[0] += elapsed;
        slot[1]++;
        slot[2] = Math.max(slot[2], elapsed);
        return result;
    }

    @Override public String backendName() { return inner.backendName(); }
    @Override public TensorScope scope() { return inner.scope(); }
    @Override public boolean sharesTensorsAcrossThreads() { return inner.sharesTensorsAcrossThreads(); }
    @Override public Tensor fromArray(double[] d, Shape s, DType t) { return time("fromArray", () -> inner.fromArray(d, s, t)); }
    @Override public Tensor fromArray(float[] d, Shape s) { return time("fromArray", () -> inner.fromArray(d, s)); }
    @Override public Tensor zeros(Shape s, DType t) { return time("zeros", () -> inner.zeros(s, t)); }
    @Override public double[] toDoubleArray(Tensor t) { return time("toDoubleArray", () -> inner.toDoubleArray(t)); }
    @Override public float[] toFloatArray(Tensor t) { return time("toFloatArray", () -> inner.toFloatArray(t)); }
    @Override public Tensor cast(Tensor t, DType d) { return time("cast", () -> inner.cast(t, d)); }
    @Override public Tensor reshape(Tensor t, Shape s) { return time("reshape", () -> inner.reshape(t, s)); }
    @Override public Tensor transpose(Tensor t) { return time("transpose", () -> inner.transpose(t)); }
    @Override public Tensor add(Tensor a, Tensor b) { return time("add", () -> inner.add(a, b)); }
    @Override public Tensor sub(Tensor a, Tensor b) { return time("sub", () -> inner.sub(a, b)); }
    @Override public Tensor mul(Tensor a, Tensor b) { return time("mul" + a.shape(), () -> inner.mul(a, b)); }
    @Override public Tensor scale(Tensor a, double f) { return time("scale", () -> inner.scale(a, f)); }
    @Override public Tensor addScaled(Tensor a, Tensor b, double f) { return time("addScaled", () -> inner.addScaled(a, b, f)); }
    @Override public Tensor addBias(Tensor x, Tensor b) { return time("addBias", () -> inner.addBias(x, b)); }
    @Override public Tensor sumToBias(Tensor x) { return time("sumToBias", () -> inner.sumToBias(x)); }
    @Override public double sum(Tensor t) { return time("sum", () -> inner.sum(t)); }
    @Override public double dot(Tensor a, Tensor b) { return time("dot", () -> inner.dot(a, b)); }
    @Override public Tensor sumRows(Tensor t) { return time("sumRows", () -> inner.sumRows(t)); }
    @Override public Tensor mulColumn(Tensor x, Tensor c) { return time("mulColumn", () -> inner.mulColumn(x, c)); }
    @Override public Tensor relu(Tensor x) { return time("relu", () -> inner.relu(x)); }
    @Override public Tensor positiveMask(Tensor x) { return time("positiveMask", () -> inner.positiveMask(x)); }
    @Override public Tensor softmax(Tensor l) { return time("softmax", () -> inner.softmax(l)); }
    @Override public Tensor logSoftmax(Tensor l) { return time("logSoftmax", () -> inner.logSoftmax(l)); }
    @Override public Tensor matmul(Tensor a, Tensor b, boolean ta, boolean tb) { return time("matmul", () -> inner.matmul(a, b, ta, tb)); }
    @Override public Tensor conv2d(Tensor x, Tensor w, int p) { return time("conv2d" + x.shape(), () -> inner.conv2d(x, w, p)); }
    @Override public Tensor conv2dInputGrad(Tensor dy, Tensor w, Shape s, int p) { return time("conv2dInputGrad" + dy.shape(), () -> inner.conv2dInputGrad(dy, w, s, p)); }
    @Override public Tensor conv2dWeightGrad(Tensor x, Tensor dy, Shape s, int p) { return time("conv2dWeightGrad" + x.shape(), () -> inner.conv2dWeightGrad(x, dy, s, p)); }
    @Override public Tensor maxPoolRouting(Tensor x, int k) { return time("maxPoolRouting" + x.shape(), () -> inner.maxPoolRouting(x, k)); }
    @Override public Tensor maxPoolApply(Tensor x, Tensor r, int k) { return time("maxPoolApply", () -> inner.maxPoolApply(x, r, k)); }
    @Override public Tensor maxPoolBackward(Tensor dy, Tensor r, int k, Shape s) { return time("maxPoolBackward", () -> inner.maxPoolBackward(dy, r, k, s)); }
    @Override public int[] argmaxRows(Tensor l) { return time("argmaxRows", () -> inner.argmaxRows(l)); }
}
