package org.ddjvm.domain.distill;

import java.util.List;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorOps;
import org.ddjvm.domain.tensor.TensorScope;
import org.ddjvm.domain.trainer.MixedProduct;

/** The synthetic data's terms computed in line, on the engine's thread, as each step of the reverse pass ends. */
final class SyntheticGradientsHere implements SyntheticGradients {

    private final TensorOps ops;
    private final double[] eta;
    private final double[] etaGrad;
    private final Tensor[] dx;

    SyntheticGradientsHere(TensorOps ops, int steps, double[] eta, double[] etaGrad) {
        this.ops = ops;
        this.eta = eta;
        this.etaGrad = etaGrad;
        this.dx = new Tensor[steps];
    }

    @Override
    public void add(int t, List<Tensor> a, List<Tensor> g, MixedProduct mixed, TensorScope stepScope) {
        etaGrad[t] -= dot(ops, a, g);
        int s = t % dx.length;
        dx[s] = stepScope.keep(accumulate(ops, dx[s], mixed.compute(), eta[t]));
    }

    /** Σ_i ⟨a_i, g_i⟩ in parameter order. */
    static double dot(TensorOps on, List<Tensor> a, List<Tensor> g) {
        double dot = 0;
        for (int i = 0; i < a.size(); i++) {
            dot += on.dot(a.get(i), g.get(i));
        }
        return dot;
    }

    /** sum − η·h, or −η·h for the first term. */
    static Tensor accumulate(TensorOps on, Tensor sum, Tensor h, double eta) {
        return sum == null ? on.scale(h, -eta) : on.addScaled(sum, h, -eta);
    }

    @Override
    public void addImageGradientInto(double[] imageGrad, int perStep) {
        for (int s = 0; s < dx.length; s++) {
            if (dx[s] != null) {
                addInto(imageGrad, s * perStep, ops.toDoubleArray(dx[s]));
            }
        }
    }

    static void addInto(double[] imageGrad, int offset, double[] d) {
        for (int i = 0; i < d.length; i++) {
            imageGrad[offset + i] += d[i];
        }
    }

    @Override
    public void close() {
        // the step scopes' parent frees the sums
    }
}
