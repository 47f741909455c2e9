package org.ddjvm.domain.distill;

/** Adam with bias correction and no weight decay, as torch.optim.Adam, on Java arrays. */
public record Adam(double beta1, double beta2, double epsilon) {

    /**
     * One update of params in place, with the moments m and v updated in place; {@code step} is 1-based.
     */
    public void update(double[] params, double[] grad, double[] m, double[] v, long step, double lr) {
        double c1 = 1 - Math.pow(beta1, step);
        double c2 = 1 - Math.pow(beta2, step);
        double stepSize = lr / c1;
        double sqrtC2 = Math.sqrt(c2);
        for (int i = 0; i < params.length; i++) {
            double g = grad[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            params[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / sqrtC2 + epsilon);
        }
    }
}
