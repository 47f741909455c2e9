package org.ddjvm.domain.nn;

import java.util.function.Supplier;
import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorOps;

/**
 * Forward-mode lift of the algebra: linear operations act on the tangent as on the primal, bilinear ones
 * follow the product rule (p₁∘p₂, t₁∘p₂ + p₁∘t₂), and routing stays fixed by the primal. Running a network's
 * backward pass here with tangent v on the weights yields (∇θℓ, H_θθ·v) and, for the input, H_xθ·v.
 *
 * <p>Given a {@link Tape} of the same computation's primal pass, primal values are replayed instead of
 * recomputed; the caller must then issue exactly the same sequence of operations. A tape may end early, at
 * the weight gradient, when the pass that recorded it did not need the input gradient: with
 * {@code tangentsPastTape}, the operations after its end compute tangents only (their primal is null). That
 * is exactly the input-gradient chain, whose tangent is H_xθ·v and whose primal nobody reads; each of its
 * tangents reads the primal of the value it is applied to only where that value came from the tape.
 */
public class DualAlgebra implements Algebra<Dual> {

    private final TensorOps ops;
    private final PlainAlgebra plain;
    private final Tape.Replay replay;
    private final boolean tangentsPastTape;

    public DualAlgebra(TensorOps ops) {
        this(ops, null);
    }

    public DualAlgebra(TensorOps ops, Tape tape) {
        this(ops, tape, false);
    }

    public DualAlgebra(TensorOps ops, Tape tape, boolean tangentsPastTape) {
        this.ops = ops;
        this.plain = new PlainAlgebra(ops);
        this.replay = tape == null ? null : tape.replay();
        this.tangentsPastTape = tangentsPastTape;
    }

    /**
     * An algebra past the end of any tape: every operation computes its tangent only. For the rest of a dual pass
     * whose tape has ended, on this or another TensorOps.
     */
    public static DualAlgebra tangentsOnly(TensorOps ops) {
        return new DualAlgebra(ops, new Tape(), true);
    }

    private Tensor primalOf(Supplier<Tensor> compute) {
        if (replay == null) {
            return compute.get();
        }
        return tangentsPastTape && replay.exhausted() ? null : replay.next();
    }

    /** Sum of two tangents where null stands for zero. */
    private Tensor plus(Tensor a, Tensor b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : ops.add(a, b);
    }

    @Override
    public Shape shape(Dual x) {
        return x.primal().shape();
    }

    @Override
    public Tensor primal(Dual x) {
        return x.primal();
    }

    @Override
    public Dual conv2d(Dual x, Dual w, int pad) {
        Tensor p = primalOf(() -> ops.conv2d(x.primal(), w.primal(), pad));
        Tensor t = plus(x.hasTangent() ? ops.conv2d(x.tangent(), w.primal(), pad) : null,
                w.hasTangent() ? ops.conv2d(x.primal(), w.tangent(), pad) : null);
        return new Dual(p, t);
    }

    @Override
    public Dual conv2dInputGrad(Dual dy, Dual w, Shape inputShape, int pad) {
        Tensor p = primalOf(() -> ops.conv2dInputGrad(dy.primal(), w.primal(), inputShape, pad));
        Tensor t = plus(dy.hasTangent() ? ops.conv2dInputGrad(dy.tangent(), w.primal(), inputShape, pad) : null,
                w.hasTangent() ? ops.conv2dInputGrad(dy.primal(), w.tangent(), inputShape, pad) : null);
        return new Dual(p, t);
    }

    @Override
    public Dual conv2dWeightGrad(Dual x, Dual dy, Shape weightShape, int pad) {
        Tensor p = primalOf(() -> ops.conv2dWeightGrad(x.primal(), dy.primal(), weightShape, pad));
        Tensor t = plus(x.hasTangent() ? ops.conv2dWeightGrad(x.tangent(), dy.primal(), weightShape, pad) : null,
                dy.hasTangent() ? ops.conv2dWeightGrad(x.primal(), dy.tangent(), weightShape, pad) : null);
        return new Dual(p, t);
    }

    @Override
    public Dual matmul(Dual a, Dual b, boolean transposeA, boolean transposeB) {
        Tensor p = primalOf(() -> ops.matmul(a.primal(), b.primal(), transposeA, transposeB));
        Tensor t = plus(a.hasTangent() ? ops.matmul(a.tangent(), b.primal(), transposeA, transposeB) : null,
                b.hasTangent() ? ops.matmul(a.primal(), b.tangent(), transposeA, transposeB) : null);
        return new Dual(p, t);
    }

    @Override
    public Dual addBias(Dual x, Dual bias) {
        Tensor p = primalOf(() -> ops.addBias(x.primal(), bias.primal()));
        Tensor t;
        if (!bias.hasTangent()) {
            t = x.tangent();
        } else if (!x.hasTangent()) {
            t = ops.addBias(ops.zeros(x.primal().shape(), x.primal().dtype()), bias.tangent());
        } else {
            t = ops.addBias(x.tangent(), bias.tangent());
        }
        return new Dual(p, t);
    }

    @Override
    public Dual sumToBias(Dual x) {
        Tensor p = primalOf(() -> ops.sumToBias(x.primal()));
        return new Dual(p, x.hasTangent() ? ops.sumToBias(x.tangent()) : null);
    }

    @Override
    public Dual reshape(Dual x, Shape shape) {
        Tensor p = primalOf(() -> ops.reshape(x.primal(), shape));
        return new Dual(p, x.hasTangent() ? ops.reshape(x.tangent(), shape) : null);
    }

    @Override
    public Tensor reluMask(Dual x) {
        return primalOf(() -> ops.positiveMask(x.primal()));
    }

    @Override
    public Dual applyMask(Dual x, Tensor mask) {
        Tensor p = primalOf(() -> ops.mul(x.primal(), mask));
        return new Dual(p, x.hasTangent() ? ops.mul(x.tangent(), mask) : null);
    }

    @Override
    public Tensor maxPoolRouting(Dual x, int k) {
        return primalOf(() -> ops.maxPoolRouting(x.primal(), k));
    }

    @Override
    public Dual maxPoolApply(Dual x, Tensor routing, int k) {
        Tensor p = primalOf(() -> ops.maxPoolApply(x.primal(), routing, k));
        return new Dual(p, x.hasTangent() ? ops.maxPoolApply(x.tangent(), routing, k) : null);
    }

    @Override
    public Dual maxPoolBackward(Dual dy, Tensor routing, int k, Shape inputShape) {
        Tensor p = primalOf(() -> ops.maxPoolBackward(dy.primal(), routing, k, inputShape));
        return new Dual(p, dy.hasTangent() ? ops.maxPoolBackward(dy.tangent(), routing, k, inputShape) : null);
    }

    @Override
    public Dual crossEntropyGrad(Dual logits, Tensor targets) {
        double invN = 1.0 / logits.primal().shape().dim(0);
        Tensor s = primalOf(() -> plain.softmax(logits.primal()));
        Tensor p = primalOf(() -> plain.crossEntropyGradFrom(s, targets));
        if (!logits.hasTangent()) {
            return new Dual(p, null);
        }
        // d softmax = s ⊙ t − s ⊙ ⟨s, t⟩ (row-wise inner product)
        Tensor st = ops.mul(s, logits.tangent());
        Tensor tangent = ops.sub(st, ops.mulColumn(s, ops.sumRows(st)));
        return new Dual(p, ops.scale(tangent, invN));
    }
}
