package org.ddjvm.domain.tensor;

/**
 * Index arithmetic of k×k max-pooling with stride k over [N,C,H,W]. The reference backend's routing
 * tensor has the pooled shape [N,C,H/k,W/k] and holds, per window, the row-major offset (0 .. k²-1) of
 * the routed element inside the window.
 */
record PoolGeometry(Shape input, int k) {

    static PoolGeometry of(String op, Shape input, int k) {
        if (input.rank() != 4 || k < 1 || input.dim(2) % k != 0 || input.dim(3) % k != 0) {
            throw new IllegalArgumentException(op + ": needs [N,C,H,W] with H and W divisible by k, got "
                    + input + " with k " + k);
        }
        return new PoolGeometry(input, k);
    }

    Shape pooled() {
        return Shape.of(input.dim(0), input.dim(1), input.dim(2) / k, input.dim(3) / k);
    }

    int windows() {
        return pooled().intSize();
    }

    /** Linear input index of element {@code offset} of window {@code window} (a linear pooled index). */
    int inputIndex(int window, int offset) {
        int pw = input.dim(3) / k;
        int ph = input.dim(2) / k;
        int px = window % pw;
        int py = (window / pw) % ph;
        int plane = window / (pw * ph);
        int y = py * k + offset / k;
        int x = px * k + offset % k;
        return (plane * input.dim(2) + y) * input.dim(3) + x;
    }

    /** Reads a routing value back as an offset, rejecting anything that is not one. */
    int offset(String op, double routed) {
        int offset = (int) routed;
        if (offset != routed || offset < 0 || offset >= k * k) {
            throw new IllegalArgumentException(op + ": routing value " + routed + " is not a window offset for k " + k);
        }
        return offset;
    }
}
