package org.ddjvm.bootstrap.config;

/**
 * How many threads compute the real batch's loss and gradient ({@code dd.real-batch-threads}): the run's own thread
 * plus helper lanes, each with one intra-op native thread. {@code auto} is one per core up to 2 on the CPU (the
 * outer iteration measured 1.1–1.2× faster with 2 on these 2-core machines; see README, speed notes), and 1 on a
 * GPU, where the batch is one device's work.
 */
record RealBatchThreads(int threads) {

    static final String AUTO = "auto";
    static final String PROPERTY = "dd.real-batch-threads";

    RealBatchThreads {
        if (threads < 1) {
            throw new IllegalArgumentException(PROPERTY + " must be \"auto\" or a whole number of at least 1, was "
                    + threads);
        }
    }

    static RealBatchThreads parse(String value, boolean gpu, int processors) {
        String v = value == null ? AUTO : value.strip();
        if (v.isEmpty() || v.equalsIgnoreCase(AUTO)) {
            return new RealBatchThreads(gpu ? 1 : Math.max(1, Math.min(2, processors)));
        }
        try {
            return new RealBatchThreads(Integer.parseInt(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PROPERTY + " must be \"auto\" or a whole number of at least 1, was \""
                    + value + "\"");
        }
    }

    /** Helper lanes besides the run's own thread. */
    int helperLanes() {
        return threads - 1;
    }
}
