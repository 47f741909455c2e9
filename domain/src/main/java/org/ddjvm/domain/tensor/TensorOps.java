package org.ddjvm.domain.tensor;

import java.util.SplittableRandom;

/**
 * The port a numerical backend implements: the first-order kernels from which the domain builds
 * networks, their gradients and (by the dual lift in {@code nn}) exact Hessian-vector products.
 *
 * <p>Conventions: images are NCHW, convolution weights [out, in, kh, kw], linear weights [out, in]
 * (PyTorch's layouts). Binary elementwise operations take operands of equal shape and dtype. Every
 * result is a new tensor in the current {@link TensorScope}. Implementations hold no static mutable
 * state and are used from one thread at a time.
 */
public interface TensorOps {

    /** A short name for reports ("djl", "dl4j", "reference"). */
    String backendName();

    // ---- lifetimes -------------------------------------------------------------------------

    /** Opens a scope; every tensor created until it closes is freed with it (see {@link TensorScope}). */
    TensorScope scope();

    /**
     * Whether an instance of this backend on another thread may take this instance's tensors as arguments while
     * they live: it only reads them, never frees them, and its results are its own. The distillation engine then
     * hands read-only work of the reverse pass to a helper lane without copying; without it, only Java arrays
     * cross threads.
     */
    default boolean sharesTensorsAcrossThreads() {
        return false;
    }

    // ---- creation and copies ---------------------------------------------------------------

    Tensor fromArray(double[] data, Shape shape, DType dtype);

    Tensor fromArray(float[] data, Shape shape);

    Tensor zeros(Shape shape, DType dtype);

    double[] toDoubleArray(Tensor t);

    float[] toFloatArray(Tensor t);

    /**
     * Standard-normal samples from a seed. The default draws them on the Java side so that every backend
     * produces the same numbers from the same seed (the parity tests rely on it).
     */
    default Tensor randomNormal(Shape shape, DType dtype, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[shape.intSize()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Gaussian.next(random);
        }
        return fromArray(values, shape, dtype);
    }

    /** The same values, another dtype. */
    Tensor cast(Tensor t, DType dtype);

    // ---- shape ------------------------------------------------------------------------------

    /** Row-major reshape; the element count must match. */
    Tensor reshape(Tensor t, Shape shape);

    /** Transpose of a 2-D tensor. */
    Tensor transpose(Tensor t);

    // ---- elementwise and reductions ---------------------------------------------------------

    Tensor add(Tensor a, Tensor b);

    Tensor sub(Tensor a, Tensor b);

    Tensor mul(Tensor a, Tensor b);

    Tensor scale(Tensor a, double factor);

    /** a + factor·b. */
    Tensor addScaled(Tensor a, Tensor b, double factor);

    /** Adds bias [C] along axis 1 of x ([N, C] or [N, C, H, W]). */
    Tensor addBias(Tensor x, Tensor bias);

    /** Sums x ([N, C] or [N, C, H, W]) over every axis but 1, giving [C]: the gradient of a bias. */
    Tensor sumToBias(Tensor x);

    /** Sum of all elements. */
    double sum(Tensor t);

    /** Σ a·b over all elements. */
    double dot(Tensor a, Tensor b);

    /** Row sums of a 2-D tensor: [N, K] to [N, 1]. */
    Tensor sumRows(Tensor t);

    /** Multiplies each row i of x [N, K] by column[i] (column is [N, 1]). */
    Tensor mulColumn(Tensor x, Tensor column);

    // ---- pointwise nonlinearities ----------------------------------------------------------

    Tensor relu(Tensor x);

    /** 1 where x &gt; 0, else 0 (ReLU's derivative, fixed by the primal). */
    Tensor positiveMask(Tensor x);

    /** Softmax over axis 1 of [N, K]. */
    Tensor softmax(Tensor logits);

    /** Log-softmax over axis 1 of [N, K]. */
    Tensor logSoftmax(Tensor logits);

    // ---- linear algebra and convolution -----------------------------------------------------

    /** op(a) · op(b) for 2-D tensors, op = transpose when the flag is set. */
    Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB);

    /** Cross-correlation, stride 1, zero padding {@code pad} on each side, no bias: [N,I,H,W]·[O,I,k,k]. */
    Tensor conv2d(Tensor x, Tensor w, int pad);

    /** ∂(Σ dy·conv2d(x, w))/∂x for an input of {@code inputShape}. */
    Tensor conv2dInputGrad(Tensor dy, Tensor w, Shape inputShape, int pad);

    /** ∂(Σ dy·conv2d(x, w))/∂w for a weight of {@code weightShape}. */
    Tensor conv2dWeightGrad(Tensor x, Tensor dy, Shape weightShape, int pad);

    // ---- max pooling (k×k windows, stride k, no padding; H and W divisible by k) -------------

    /**
     * Which element of each window is its maximum (the first one in row-major order on ties), in a
     * layout of the backend's choosing. Routing is fixed by the primal: the dual lift reuses it.
     */
    Tensor maxPoolRouting(Tensor x, int k);

    /** Picks each window's routed element: for the routing of x itself this is max-pooling of x. */
    Tensor maxPoolApply(Tensor x, Tensor routing, int k);

    /** Sends each pooled gradient back to its routed element: the adjoint of {@link #maxPoolApply}. */
    Tensor maxPoolBackward(Tensor dy, Tensor routing, int k, Shape inputShape);

    // ---- classification helpers --------------------------------------------------------------

    /** Index of the largest logit per row of [N, K]. */
    int[] argmaxRows(Tensor logits);
}
