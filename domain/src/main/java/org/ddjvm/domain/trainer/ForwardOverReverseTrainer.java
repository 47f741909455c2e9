package org.ddjvm.domain.trainer;

import java.util.ArrayList;
import java.util.List;
import org.ddjvm.domain.nn.Dual;
import org.ddjvm.domain.nn.DualAlgebra;
import org.ddjvm.domain.nn.ForwardTrace;
import org.ddjvm.domain.nn.LayerCache;
import org.ddjvm.domain.nn.Network;
import org.ddjvm.domain.nn.NetworkGradient;
import org.ddjvm.domain.nn.ParameterGradient;
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
        ParameterGradient<Dual> g = network.parameterGradient(dual, theta, trace, dLogits);
        List<Tensor> hTheta = new ArrayList<>(theta.size());
        for (int i = 0; i < theta.size(); i++) {
            hTheta.add(tangentOrZero(ops, g.parameters().get(i), point.theta().get(i)));
        }
        return new HessianVectorProduct(hTheta, new InputProduct(ops, network, theta, trace,
                g.firstLayerOutputGradient(), point.images()));
    }

    private static Tensor tangentOrZero(TensorOps on, Dual d, Tensor like) {
        return d.hasTangent() ? d.tangent() : on.zeros(like.shape(), like.dtype());
    }

    /**
     * H_xθ·v: the rest of the dual backward pass, from the first parametric layer's output gradient to the
     * images. The tape ended at the weight gradient, so these operations compute tangents only, as they did when
     * they ran straight after the weight block.
     */
    private record InputProduct(TensorOps home, Network network, List<Dual> theta, ForwardTrace<Dual> trace,
                                Dual firstLayerOutputGradient, Tensor images) implements MixedProduct {

        @Override
        public Tensor compute() {
            return computeOn(home);
        }

        @Override
        public Tensor computeOn(TensorOps other) {
            Dual hx = network.inputGradient(DualAlgebra.tangentsOnly(other), theta, trace, firstLayerOutputGradient);
            return tangentOrZero(other, hx, images);
        }

        @Override
        public List<Tensor> reads() {
            List<Tensor> read = new ArrayList<>();
            theta.forEach(d -> addBoth(read, d));
            // what Layer.inputGradient reads of a cache: its routing and its input's shape
            for (LayerCache<Dual> cache : trace.caches().subList(0, network.inputGradientLayers())) {
                read.add(cache.input().primal());
                if (cache.routing() != null) {
                    read.add(cache.routing());
                }
            }
            addBoth(read, firstLayerOutputGradient);
            read.add(images);
            return read;
        }

        private static void addBoth(List<Tensor> read, Dual d) {
            if (d.primal() != null) {
                read.add(d.primal());
            }
            if (d.hasTangent()) {
                read.add(d.tangent());
            }
        }
    }

    private record RecordedPoint(List<Tensor> theta, Tensor images, Tensor targets, Tape tape,
                                 List<Tensor> weightGradient, Tensor logits) implements Linearization {
    }
}
