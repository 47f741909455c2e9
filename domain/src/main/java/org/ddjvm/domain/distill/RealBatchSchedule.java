package org.ddjvm.domain.distill;

import java.util.SplittableRandom;
import org.ddjvm.domain.data.LabeledImages;

/**
 * Which real images outer iteration i sees: one outer epoch is a pass over the training set, shuffled by a
 * stream derived from (seed, epoch), in batches of the configured size (the last one smaller). A pure function
 * of the iteration number, so a resumed run sees the same batches.
 */
public final class RealBatchSchedule {

    private final LabeledImages train;
    private final int[] targets;
    private final int batchSize;
    private final RandomStreams streams;
    private long cachedEpoch = -1;
    private int[] cachedOrder;

    /**
     * @param targets the label each training image is trained towards: its own label, or a replaced one (the
     *                poisoning attack relabels a class)
     */
    public RealBatchSchedule(LabeledImages train, int[] targets, int batchSize, RandomStreams streams) {
        if (targets.length != train.count()) {
            throw new IllegalArgumentException("one target per training image needed");
        }
        this.train = train;
        this.targets = targets.clone();
        this.batchSize = batchSize;
        this.streams = streams;
    }

    public int iterationsPerEpoch() {
        return (train.count() + batchSize - 1) / batchSize;
    }

    public long epochOf(long iteration) {
        return iteration / iterationsPerEpoch();
    }

    public RealBatch batch(long iteration) {
        long epoch = epochOf(iteration);
        int[] order = order(epoch);
        int index = (int) (iteration % iterationsPerEpoch());
        int from = index * batchSize;
        int to = Math.min(order.length, from + batchSize);
        int per = train.dataset().pixelsPerImage();
        float[] pixels = new float[(to - from) * per];
        int[] labels = new int[to - from];
        for (int i = from; i < to; i++) {
            train.copyImage(order[i], pixels, (i - from) * per);
            labels[i - from] = targets[order[i]];
        }
        return new RealBatch(pixels, labels);
    }

    private int[] order(long epoch) {
        if (epoch != cachedEpoch) {
            int[] order = new int[train.count()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            SplittableRandom random = streams.stream("real-batches", epoch);
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            cachedOrder = order;
            cachedEpoch = epoch;
        }
        return cachedOrder;
    }
}
