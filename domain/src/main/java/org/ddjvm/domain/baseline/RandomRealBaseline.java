package org.ddjvm.domain.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ddjvm.domain.data.LabeledImages;
import org.ddjvm.domain.distill.DistilledDataset;
import org.ddjvm.domain.distill.LearningRates;
import org.ddjvm.domain.distill.RandomStreams;
import org.ddjvm.domain.tensor.Shape;

/**
 * The random-real baseline: S·ipc real training images per class drawn at random, step s gets the s-th ipc of
 * each class, trained with one fixed rate through the same protocol as distilled data.
 */
public final class RandomRealBaseline {

    public static final String NAME = "random-real";

    private final LabeledImages train;
    private final int classes;

    public RandomRealBaseline(LabeledImages train) {
        this.train = train;
        this.classes = train.dataset().classes();
    }

    /** One draw, from the stream (seed, "baseline-random-real", draw). */
    public DistilledDataset draw(int steps, int epochs, int imagesPerClass, double rate, long seed, long draw) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < train.count(); i++) {
            byClass.get(train.labels()[i]).add(i);
        }
        SplittableRandom random = new RandomStreams(seed).stream("baseline-random-real", draw);
        int need = steps * imagesPerClass;
        int[][] chosen = new int[classes][];
        for (int c = 0; c < classes; c++) {
            List<Integer> pool = byClass.get(c);
            if (pool.size() < need) {
                throw new IllegalArgumentException("class " + c + " has " + pool.size() + " training images, "
                        + need + " needed");
            }
            chosen[c] = sample(pool, need, random);
        }
        int per = train.dataset().pixelsPerImage();
        int n = classes * imagesPerClass;
        double[] images = new double[steps * n * per];
        float[] one = new float[per];
        for (int s = 0; s < steps; s++) {
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j < imagesPerClass; j++) {
                    train.copyImage(chosen[c][s * imagesPerClass + j], one, 0);
                    int offset = ((s * n) + c * imagesPerClass + j) * per;
                    for (int p = 0; p < per; p++) {
                        images[offset + p] = one[p];
                    }
                }
            }
        }
        double[] raw = new double[steps * epochs];
        java.util.Arrays.fill(raw, LearningRates.inverseSoftplus(rate));
        Shape sample = Shape.of(train.dataset().channels(), train.dataset().height(), train.dataset().width());
        return new DistilledDataset(steps, epochs, classes, imagesPerClass, sample, images, raw);
    }

    /** k distinct elements by a partial Fisher–Yates shuffle. */
    private static int[] sample(List<Integer> pool, int k, SplittableRandom random) {
        int[] a = pool.stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(a.length - i);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
        int[] out = new int[k];
        System.arraycopy(a, 0, out, 0, k);
        return out;
    }
}
