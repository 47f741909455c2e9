package org.ddjvm.bootstrap.config;

/**
 * How many threads share a run's independent work ({@code dd.lanes}): the real batch's chunks in every outer
 * iteration and the evaluation's nets; the run's own thread plus helper lanes, each with one intra-op native thread.
 * {@code auto} is one per core up to 2 on the CPU (S 1 E 3 fixed-init iterations measured 1.4× faster with 2 on
 * these 2-core machines; see README, speed notes), and 1 on a GPU, where a batch is one device's work.
 */
record LaneThreads(int threads) {

    static final String AUTO = "auto";
    static final String PROPERTY = "dd.lanes";

    LaneThreads {
        if (threads < 1) {
            throw new IllegalArgumentException(PROPERTY + " must be \"auto\" or a whole number of at least 1, was "
                    + threads);
        }
    }

    static LaneThreads parse(String value, boolean gpu, int processors) {
        String v = value == null ? AUTO : value.strip();
        if (v.isEmpty() || v.equalsIgnoreCase(AUTO)) {
            return new LaneThreads(gpu ? 1 : Math.max(1, Math.min(2, processors)));
        }
        try {
            return new LaneThreads(Integer.parseInt(v));
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
