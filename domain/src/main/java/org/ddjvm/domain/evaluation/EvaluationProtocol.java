package org.ddjvm.domain.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.ddjvm.domain.data.LabeledImages;
import org.ddjvm.domain.distill.DistilledDataset;
import org.ddjvm.domain.distill.OneHot;
import org.ddjvm.domain.distill.WeightVector;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.HelperLanes;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorOps;
import org.ddjvm.domain.tensor.TensorScope;
import org.ddjvm.domain.trainer.DifferentiableTrainer;

/**
 * The paper's evaluation: from each initial weight vector, T plain SGD steps θ ← θ − η[t]·∇θℓ(x̃[t mod S]) with
 * images and rates detached, then accuracy on the full test set, before and after. Nets are independent: with
 * helper lanes they are shared out between this thread and the lanes, each computing whole nets with its own
 * TensorOps, so every figure is the one a single thread would give.
 */
public final class EvaluationProtocol {

    /** Test images per forward pass: small enough that activations stay in cache. */
    private static final int TEST_BATCH = 250;

    private final TensorOps ops;
    private final DifferentiableTrainer trainer;
    private final DType dtype;
    private final HelperLanes lanes;

    public EvaluationProtocol(TensorOps ops, DifferentiableTrainer trainer, DType dtype) {
        this(ops, trainer, dtype, HelperLanes.NONE);
    }

    public EvaluationProtocol(TensorOps ops, DifferentiableTrainer trainer, DType dtype, HelperLanes lanes) {
        this.ops = ops;
        this.trainer = trainer;
        this.dtype = dtype;
        this.lanes = lanes;
    }

    public EvaluationResult evaluate(DistilledDataset data, List<WeightVector> inits, LabeledImages test) {
        return EvaluationResult.of(evaluateEach(k -> data, inits, test));
    }

    /**
     * Net k trains on {@code dataFor.apply(k)} from {@code inits.get(k)}; the results in net order. The lanes and
     * this thread take the next unevaluated net until none is left; a failure stops the others after their
     * current net and reaches the caller.
     */
    public List<NetAccuracy> evaluateEach(IntFunction<DistilledDataset> dataFor, List<WeightVector> inits,
                                          LabeledImages test) {
        int n = inits.size();
        NetAccuracy[] results = new NetAccuracy[n];
        AtomicInteger next = new AtomicInteger();
        int helpers = Math.min(lanes.count(), Math.max(0, n - 1));
        List<Future<Void>> running = new ArrayList<>(helpers);
        for (int lane = 0; lane < helpers; lane++) {
            running.add(lanes.submit(lane, laneOps -> {
                EvaluationProtocol own = new EvaluationProtocol(laneOps, trainer.on(laneOps), dtype);
                own.evaluateNext(next, dataFor, inits, test, results);
                return null;
            }));
        }
        RuntimeException failure = null;
        try {
            evaluateNext(next, dataFor, inits, test, results);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<Void> helper : running) {
            try {
                HelperLanes.await(helper);
            } catch (RuntimeException laneFailure) {
                if (failure == null) {
                    failure = laneFailure;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return Arrays.asList(results);
    }

    private void evaluateNext(AtomicInteger next, IntFunction<DistilledDataset> dataFor, List<WeightVector> inits,
                              LabeledImages test, NetAccuracy[] results) {
        try {
            for (int k = next.getAndIncrement(); k < inits.size(); k = next.getAndIncrement()) {
                results[k] = evaluateNet(dataFor.apply(k), inits.get(k), test);
            }
        } catch (RuntimeException | Error e) {
            next.set(inits.size()); // the others stop after their current net
            throw e;
        }
    }

    public NetAccuracy evaluateNet(DistilledDataset data, WeightVector init, LabeledImages test) {
        try (TensorScope scope = ops.scope()) {
            List<Tensor> theta0 = init.upload(ops, dtype);
            double before = accuracy(theta0, test);
            List<Tensor> theta = train(data, theta0);
            return new NetAccuracy(before, accuracy(theta, test));
        }
    }

    /** θ after the T steps (tensors in the caller's scope). */
    public List<Tensor> train(DistilledDataset data, List<Tensor> theta0) {
        Tensor[] x = new Tensor[data.steps()];
        for (int s = 0; s < data.steps(); s++) {
            x[s] = ops.fromArray(data.stepImages(s), data.stepShape(), dtype);
        }
        Tensor y = OneHot.of(ops, data.stepLabels(), data.classes(), dtype);
        List<Tensor> theta = theta0;
        for (int t = 0; t < data.innerSteps(); t++) {
            try (TensorScope step = ops.scope()) {
                List<Tensor> g = trainer.gradient(theta, x[t % data.steps()], y).weights();
                List<Tensor> next = new ArrayList<>(theta.size());
                for (int i = 0; i < theta.size(); i++) {
                    next.add(step.keep(ops.addScaled(theta.get(i), g.get(i), -data.learningRate(t))));
                }
                theta = next;
            }
        }
        return theta;
    }

    /** Fraction of the images the network classifies correctly. */
    public double accuracy(List<Tensor> theta, LabeledImages images) {
        int per = images.dataset().pixelsPerImage();
        int correct = 0;
        for (int from = 0; from < images.count(); from += TEST_BATCH) {
            int n = Math.min(TEST_BATCH, images.count() - from);
            float[] pixels = new float[n * per];
            System.arraycopy(images.pixels(), from * per, pixels, 0, n * per);
            try (TensorScope scope = ops.scope()) {
                Tensor x = ops.cast(ops.fromArray(pixels, trainer.network().batchShape(n)), dtype);
                int[] predicted = ops.argmaxRows(trainer.logits(theta, x));
                for (int i = 0; i < n; i++) {
                    if (predicted[i] == images.labels()[from + i]) {
                        correct++;
                    }
                }
            }
        }
        return (double) correct / images.count();
    }
}
