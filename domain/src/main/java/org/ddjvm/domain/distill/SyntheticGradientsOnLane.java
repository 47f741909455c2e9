package org.ddjvm.domain.distill;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.ddjvm.domain.tensor.HelperLanes;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorOps;
import org.ddjvm.domain.tensor.TensorScope;
import org.ddjvm.domain.trainer.MixedProduct;

/**
 * The synthetic data's terms computed on a helper lane while the engine's thread goes on with the adjoint: the
 * lane reads the engine's tensors (its backend {@link TensorOps#sharesTensorsAcrossThreads() shares them}), which
 * the engine keeps alive until {@link #close()}. The lane runs its work in submission order, so step t's terms are
 * added in the same order as in line, with the same operations: the same numbers.
 */
final class SyntheticGradientsOnLane implements SyntheticGradients {

    private final HelperLanes lanes;
    private final int lane;
    private final double[] eta;
    private final double[] etaGrad;
    private final List<Future<Void>> submitted = new ArrayList<>();
    /**
     * The lane's sums, read and written on its thread only, one task after another; in none of its scopes, since
     * the lane may serve several runs' tasks in between.
     */
    private final Tensor[] dx;

    SyntheticGradientsOnLane(HelperLanes lanes, int lane, int steps, double[] eta, double[] etaGrad) {
        this.lanes = lanes;
        this.lane = lane;
        this.eta = eta;
        this.etaGrad = etaGrad;
        this.dx = new Tensor[steps];
    }

    @Override
    public void add(int t, List<Tensor> a, List<Tensor> g, MixedProduct mixed, TensorScope stepScope) {
        for (Tensor read : mixed.reads()) {
            stepScope.keep(read);
        }
        submitted.add(lanes.submit(lane, laneOps -> {
            etaGrad[t] -= SyntheticGradientsHere.dot(laneOps, a, g);
            int s = t % dx.length;
            Tensor previous = dx[s];
            try (TensorScope step = laneOps.scope()) {
                dx[s] = step.keep(SyntheticGradientsHere.accumulate(laneOps, previous, mixed.computeOn(laneOps),
                        eta[t]));
            }
            if (previous != null) {
                previous.close();
            }
            return null;
        }));
    }

    @Override
    public void addImageGradientInto(double[] imageGrad, int perStep) {
        Future<double[][]> download = lanes.submit(lane, laneOps -> {
            double[][] sums = new double[dx.length][];
            for (int s = 0; s < dx.length; s++) {
                sums[s] = dx[s] == null ? null : laneOps.toDoubleArray(dx[s]);
            }
            return sums;
        });
        for (Future<Void> step : submitted) {
            HelperLanes.await(step);
        }
        double[][] sums = HelperLanes.await(download);
        for (int s = 0; s < sums.length; s++) {
            if (sums[s] != null) {
                SyntheticGradientsHere.addInto(imageGrad, s * perStep, sums[s]);
            }
        }
    }

    /** Frees the lane's sums on its thread and waits for it: after that, the lane reads nothing of the engine's. */
    @Override
    public void close() {
        HelperLanes.await(lanes.submit(lane, laneOps -> {
            for (int s = 0; s < dx.length; s++) {
                if (dx[s] != null) {
                    dx[s].close();
                    dx[s] = null;
                }
            }
            return null;
        }));
    }
}
