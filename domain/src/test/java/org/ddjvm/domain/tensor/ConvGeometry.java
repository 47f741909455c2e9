package org.ddjvm.domain.tensor;

/**
 * The index arithmetic of a stride-1, zero-padded cross-correlation [N,C,H,W]·[O,C,KH,KW] → [N,O,OH,OW],
 * shared by the forward convolution and both of its adjoints in {@link ReferenceTensorOps}.
 */
record ConvGeometry(int n, int c, int h, int w, int o, int kh, int kw, int pad) {

    /** Validates the shapes of one convolution and returns its geometry. */
    static ConvGeometry of(String op, Shape x, Shape weight, int pad) {
        if (x.rank() != 4 || weight.rank() != 4 || pad < 0) {
            throw new IllegalArgumentException(op + ": needs input [N,C,H,W], weight [O,C,KH,KW] and pad >= 0, got "
                    + x + ", " + weight + ", pad " + pad);
        }
        ConvGeometry g = new ConvGeometry(x.dim(0), x.dim(1), x.dim(2), x.dim(3),
                weight.dim(0), weight.dim(2), weight.dim(3), pad);
        if (weight.dim(1) != g.c || g.oh() < 1 || g.ow() < 1) {
            throw new IllegalArgumentException(op + ": input " + x + " and weight " + weight
                    + " with pad " + pad + " do not make a convolution");
        }
        return g;
    }

    int oh() {
        return h + 2 * pad - kh + 1;
    }

    int ow() {
        return w + 2 * pad - kw + 1;
    }

    Shape inputShape() {
        return Shape.of(n, c, h, w);
    }

    Shape weightShape() {
        return Shape.of(o, c, kh, kw);
    }

    Shape outputShape() {
        return Shape.of(n, o, oh(), ow());
    }

    /** Receives runs of {@code length} consecutive positions that one weight element connects. */
    interface RowVisitor {
        void row(int weightIndex, int inputStart, int outputStart, int length);
    }

    /**
     * Visits every (weight element, output row) pair: output[outputStart + t] gets
     * weight[weightIndex]·input[inputStart + t] for t &lt; length, with padded positions left out.
     */
    void forEachRow(RowVisitor visitor) {
        int oh = oh();
        int ow = ow();
        for (int b = 0; b < n; b++) {
            for (int out = 0; out < o; out++) {
                for (int in = 0; in < c; in++) {
                    for (int ky = 0; ky < kh; ky++) {
                        int oy0 = Math.max(0, pad - ky);
                        int oy1 = Math.min(oh, h + pad - ky);
                        for (int kx = 0; kx < kw; kx++) {
                            int ox0 = Math.max(0, pad - kx);
                            int ox1 = Math.min(ow, w + pad - kx);
                            if (ox1 <= ox0) {
                                continue;
                            }
                            int weightIndex = ((out * c + in) * kh + ky) * kw + kx;
                            for (int oy = oy0; oy < oy1; oy++) {
                                int outputStart = ((b * o + out) * oh + oy) * ow + ox0;
                                int inputStart = ((b * c + in) * h + oy + ky - pad) * w + ox0 + kx - pad;
                                visitor.row(weightIndex, inputStart, outputStart, ox1 - ox0);
                            }
                        }
                    }
                }
            }
        }
    }
}
