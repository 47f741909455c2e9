package org.ddjvm.domain.trainer;

import java.util.ArrayList;
import java.util.List;
import org.ddjvm.domain.nn.Dual;
import org.ddjvm.domain.nn.DualAlgebra;
import org.ddjvm.domain.nn.ForwardTrace;
import org.ddjvm.domain.nn.Network;
import org.ddjvm.domain.nn.NetworkGradient;
import org.ddjvm.domain.nn.PlainAlgebra;
import org.ddjvm.domain.nn.RecordingAlgebra;
import org.ddjvm.domain.nn.Tape;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorOps;

/**
 * The domain's trainer: back-propagation written once per layer, and exact Hessian-vector products by running
 * that same backward pass on dual numbers (forward-over-reverse). A linearisation records its primal pass up to
 * the weight gradient, so the product later costs only the tangent kernels.
 */
public class ForwardOverReverseTrainer implements DifferentiableTrainer {

    private final TensorOps ops;
    private final Network network;
    private final PlainAlgebra plain;

    public ForwardOverReverseTrainer(TensorOps ops, Network network) {
        this.ops = ops;
        this.network = network;
        this.plain = new PlainAlgebra(ops);
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public DifferentiableTrainer on(TensorOps other) {
        return new ForwardOverReverseTrainer(other, network);
    }

    @Override
    public Tensor logits(List<Tensor> theta, Tensor images) {
        return network.forward(plain, theta, images).logits();
    }

    @Override
    public double loss(Tensor logits, Tensor targets) {
        return -ops.dot(targets, ops.logSoftmax(logits)) / logits.shape().dim(0);
    }

    @Override
    public Gradient gradient(List<Tensor> theta, Tensor images, Tensor targets) {
        ForwardTrace<Tensor> trace = network.forward(plain, theta, images);
        Tensor dLogits = plain.crossEntropyGrad(trace.logits(), targets);
        NetworkGradient<Tensor> g = network.backward(plain, theta, trace, dLogits, false);
        return new Gradient(g.parameters(), trace.logits());
    }

    @Override
    public Linearization linearize(List<Tensor> theta, Tensor images, Tensor targets) {
        Tape tape = new Tape();
        RecordingAlgebra recording = new RecordingAlgebra(ops, tape);
        ForwardTrace<Tensor> trace = network.forward(recording, theta, images);
        Tensor dLogits = recording.crossEntropyGrad(trace.logits(), targets);
        // the input gradient's primal is never read: the product needs only its tangent, H_xθ·v
        NetworkGradient<Tensor> g = network.backward(recording, theta, trace, dLogits, false);
        return new RecordedPoint(theta, images, targets, tape, g.parameters(), trace.logits());
    }

    @Override
    public HessianVectorProduct hessianVectorProduct(Linearization at, List<Tensor> direction) {
        if (!(at instanceof RecordedPoint point)) {
            throw new IllegalArgumentException("not a linearisation made by this trainer: " + at);
        }
        if (direction.size() != point.theta().size()) {
            throw new IllegalArgumentException("direction has " + direction.size() + " tensors, θ has "
                    + point.theta().size());
        }
        DualAlgebra dual = new DualAlgebra(ops, point.tape(), true);
        List<Dual> theta = new ArrayList<>(direction.size());
        for (int i = 0; i < direction.size(); i++) {
            theta.add(new Dual(point.theta().get(i), direction.get(i)));
        }
        ForwardTrace<Dual> trace = network.forward(dual, theta, Dual.constant(point.images()));
        Dual dLogits = dual.crossEntropyGrad(trace.logits(), point.targets());
        NetworkGradient<Dual> g = network.backward(dual, theta, trace, dLogits, true);
        List<Tensor> hTheta = new ArrayList<>(theta.size());
        for (int i = 0; i < theta.size(); i++) {
            hTheta.add(tangentOrZero(g.parameters().get(i), point.theta().get(i)));
        }
        return new HessianVectorProduct(hTheta, tangentOrZero(g.input(), point.images()));
    }

    private Tensor tangentOrZero(Dual d, Tensor like) {
        return d.hasTangent() ? d.tangent() : ops.zeros(like.shape(), like.dtype());
    }

    private record RecordedPoint(List<Tensor> theta, Tensor images, Tensor targets, Tape tape,
                                 List<Tensor> weightGradient, Tensor logits) implements Linearization {
    }
}
