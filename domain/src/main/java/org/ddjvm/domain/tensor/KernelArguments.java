package org.ddjvm.domain.tensor;

/**
 * Argument checks every {@link TensorOps} backend makes on the Java side, so that a misuse fails with an
 * IllegalArgumentException that names the shapes instead of broadcasting silently or failing deep inside a native
 * library. One place for the rules; backends add only what is their own (the form of their pooling routing).
 */
public final class KernelArguments {

    private KernelArguments() {
    }

    public static void size(long elements, Shape shape) {
        require(elements == shape.size(), elements + " elements do not fill shape " + shape);
    }

    public static void same(Tensor a, Tensor b) {
        require(a.shape().equals(b.shape()) && a.dtype() == b.dtype(),
                "operands differ: " + a.shape() + " " + a.dtype() + " vs " + b.shape() + " " + b.dtype());
    }

    public static void sameDtype(Tensor a, Tensor b) {
        require(a.dtype() == b.dtype(), "dtypes differ: " + a.dtype() + " vs " + b.dtype());
    }

    public static void rank(Tensor t, int rank, String op) {
        require(t.shape().rank() == rank, op + " needs rank " + rank + ", got " + t.shape());
    }

    public static void matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        rank(a, 2, "matmul");
        rank(b, 2, "matmul");
        sameDtype(a, b);
        int inner = a.shape().dim(transposeA ? 0 : 1);
        int other = b.shape().dim(transposeB ? 1 : 0);
        require(inner == other, "matmul of " + a.shape() + (transposeA ? "ᵀ" : "") + " and " + b.shape()
                + (transposeB ? "ᵀ" : "") + ": inner dimensions " + inner + " and " + other);
    }

    public static void bias(Tensor x, Tensor bias) {
        int rank = x.shape().rank();
        require((rank == 2 || rank == 4) && bias.shape().rank() == 1 && bias.shape().dim(0) == x.shape().dim(1),
                "bias " + bias.shape() + " does not fit " + x.shape());
        sameDtype(x, bias);
    }

    public static void biasSource(Tensor x) {
        int rank = x.shape().rank();
        require(rank == 2 || rank == 4, "sumToBias needs rank 2 or 4, got " + x.shape());
    }

    public static void column(Tensor x, Tensor column) {
        rank(x, 2, "mulColumn");
        require(column.shape().equals(Shape.of(x.shape().dim(0), 1)),
                "column " + column.shape() + " does not fit " + x.shape());
        sameDtype(x, column);
    }

    /** x [N,I,H,W] and w [O,I,k,k] with a non-empty output; returns the output shape. */
    public static Shape conv(Shape x, Shape w, int pad) {
        require(x.rank() == 4 && w.rank() == 4, "conv2d needs rank-4 input and weight, got " + x + " and " + w);
        require(x.dim(1) == w.dim(1), "conv2d input " + x + " has " + x.dim(1) + " channels, weight " + w
                + " expects " + w.dim(1));
        require(pad >= 0, "negative padding " + pad);
        int oh = x.dim(2) + 2 * pad - w.dim(2) + 1;
        int ow = x.dim(3) + 2 * pad - w.dim(3) + 1;
        require(oh > 0 && ow > 0, "kernel " + w + " does not fit input " + x + " with padding " + pad);
        return Shape.of(x.dim(0), w.dim(0), oh, ow);
    }

    public static void convInputGrad(Tensor dy, Tensor w, Shape inputShape, int pad) {
        sameDtype(dy, w);
        Shape y = conv(inputShape, w.shape(), pad);
        require(dy.shape().equals(y), "conv2dInputGrad: dy " + dy.shape() + " is not the output shape " + y
                + " of input " + inputShape + " and weight " + w.shape());
    }

    public static void convWeightGrad(Tensor x, Tensor dy, Shape weightShape, int pad) {
        sameDtype(x, dy);
        Shape y = conv(x.shape(), weightShape, pad);
        require(dy.shape().equals(y), "conv2dWeightGrad: dy " + dy.shape() + " is not the output shape " + y
                + " of input " + x.shape() + " and weight " + weightShape);
    }

    public static void poolable(Shape shape, int k) {
        require(k >= 1 && shape.rank() == 4 && shape.dim(2) % k == 0 && shape.dim(3) % k == 0,
                "cannot max-pool " + shape + " by " + k);
    }

    public static Shape pooled(Shape input, int k) {
        poolable(input, k);
        return Shape.of(input.dim(0), input.dim(1), input.dim(2) / k, input.dim(3) / k);
    }

    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
