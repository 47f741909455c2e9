package org.ddjvm.domain.distill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.LabeledImages;
import org.ddjvm.domain.data.Split;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.tensor.HelperLanes;
import org.ddjvm.domain.tensor.ThreadedHelperLanes;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.ReferenceTensorOps;
import org.ddjvm.domain.trainer.ForwardOverReverseTrainer;
import org.junit.jupiter.api.Test;

class DistillationEngineTest {

    private final ReferenceTensorOps ops = new ReferenceTensorOps();

    private static DistillationConfig config(InitMode init, long seed) {
        return new DistillationConfig("mnist", "lenet", 1, 2, 2, init, 1, 1, 8, 0.02, 0.01, 40, 0.5, seed,
                DType.FLOAT64);
    }

    private DistillationEngine engine(DistillationConfig config) {
        return new DistillationEngine(ops, new ForwardOverReverseTrainer(ops, Architectures.lenet(1, 28, 28, 10)),
                config);
    }

    private static LabeledImages fakeTrain(int n) {
        float[] pixels = new float[n * 784];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            for (int p = 0; p < 784; p++) {
                pixels[i * 784 + p] = (float) Math.sin(0.01 * (i * 784 + p));
            }
        }
        return new LabeledImages(DatasetDescriptor.MNIST, Split.TRAIN, pixels, labels);
    }

    @Test
    void startsFromTheConfiguredRateWithNormalImagesAndAFixedTheta0() {
        DistillationState state = engine(config(InitMode.FIXED, 1)).initialState();
        assertThat(state.rawRates()).hasSize(4);
        for (double raw : state.rawRates()) {
            assertThat(LearningRates.softplus(raw)).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(state.images()).hasSize(2 * 10 * 784);
        double mean = Arrays.stream(state.images()).average().orElseThrow();
        assertThat(mean).isBetween(-0.05, 0.05);
        assertThat(state.fixedTheta0()).isPresent();
        assertThat(engine(config(InitMode.RANDOM, 1)).initialState().fixedTheta0()).isEmpty();
    }

    @Test
    void sameSeedGivesBitIdenticalIterationsAndAnotherSeedDoesNot() {
        LabeledImages train = fakeTrain(40);
        double[] first = run(config(InitMode.RANDOM, 5), train, 2);
        double[] again = run(config(InitMode.RANDOM, 5), train, 2);
        double[] other = run(config(InitMode.RANDOM, 6), train, 2);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void resumingFromACopiedStateRepeatsTheUninterruptedRun() {
        LabeledImages train = fakeTrain(40);
        DistillationConfig config = config(InitMode.RANDOM, 9);
        DistillationEngine engine = engine(config);
        RealBatchSchedule schedule = new RealBatchSchedule(train, train.labels(), 8, new RandomStreams(9));
        DistillationState straight = engine.initialState();
        for (int i = 0; i < 3; i++) {
            engine.step(straight, schedule.batch(straight.iteration()), schedule.epochOf(straight.iteration()));
        }
        DistillationState resumed = engine.initialState();
        engine.step(resumed, schedule.batch(0), 0);
        DistillationState checkpoint = resumed.copy();
        DistillationEngine fresh = engine(config);
        RealBatchSchedule freshSchedule = new RealBatchSchedule(train, train.labels(), 8, new RandomStreams(9));
        for (int i = 0; i < 2; i++) {
            fresh.step(checkpoint, freshSchedule.batch(checkpoint.iteration()),
                    freshSchedule.epochOf(checkpoint.iteration()));
        }
        assertThat(checkpoint.images()).isEqualTo(straight.images());
        assertThat(checkpoint.rawRates()).isEqualTo(straight.rawRates());
    }

    private double[] run(DistillationConfig config, LabeledImages train, int iterations) {
        DistillationEngine engine = engine(config);
        RealBatchSchedule schedule = new RealBatchSchedule(train, train.labels(), 8, new RandomStreams(config.seed()));
        DistillationState state = engine.initialState();
        for (int i = 0; i < iterations; i++) {
            engine.step(state, schedule.batch(i), schedule.epochOf(i));
        }
        assertThat(state.iteration()).isEqualTo(iterations);
        return state.images().clone();
    }

    @Test
    void helperLanesGiveTheSameHypergradientAsOneThread() {
        LabeledImages train = fakeTrain(40);
        RealBatch batch = new RealBatch(Arrays.copyOf(train.pixels(), 11 * 784), Arrays.copyOf(train.labels(), 11));
        for (InitMode init : InitMode.values()) {
            DistillationConfig config = new DistillationConfig("mnist", "lenet", 1, 2, 2, init, 2, 1, 11, 0.02, 0.01,
                    40, 0.5, 3, DType.FLOAT64);
            DistillationEngine serial = engine(config);
            DistillationState state = serial.initialState();
            Hypergradient one = serial.hypergradient(state.images(), state.rawRates(),
                    serial.trainingInits(state, 0), batch);
            // 11 images in chunks of 3: four chunks, split 1 + 1 + 2 between this thread and two lanes
            try (ThreadedHelperLanes lanes = new ThreadedHelperLanes(2, ReferenceTensorOps::new, false)) {
                DistillationEngine parallel = new DistillationEngine(ops,
                        new ForwardOverReverseTrainer(ops, Architectures.lenet(1, 28, 28, 10)), config, 3, lanes);
                Hypergradient split = parallel.hypergradient(state.images(), state.rawRates(),
                        parallel.trainingInits(state, 0), batch);
                assertThat(split.outerLoss()).isCloseTo(one.outerLoss(), org.assertj.core.data.Offset.offset(1e-13));
                assertCloseRelative(split.images(), one.images(), 1e-10);
                assertCloseRelative(split.rawRates(), one.rawRates(), 1e-10);
                if (java.lang.management.ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported()) {
                    assertThat(lanes.cpuNanos()).as("the lanes' CPU time for their chunks").isPositive();
                }
            }
        }
    }

    @Test
    void theSyntheticDataTermsOnALaneAreTheSameNumbersAsInLine() {
        LabeledImages train = fakeTrain(12);
        RealBatch batch = new RealBatch(train.pixels(), train.labels());
        for (InitMode init : InitMode.values()) {
            for (DType dtype : DType.values()) {
                DistillationConfig config = new DistillationConfig("mnist", "lenet", 1, 2, 3, init, 2, 1, 12, 0.02,
                        0.01, 40, 0.5, 5, dtype);
                java.util.function.Supplier<ReferenceTensorOps> family = ReferenceTensorOps.sharingFamily();
                ReferenceTensorOps sharing = family.get();
                assertThat(sharing.sharesTensorsAcrossThreads()).isTrue();
                assertThat(ops.sharesTensorsAcrossThreads()).isFalse();
                try (ThreadedHelperLanes separate = new ThreadedHelperLanes(1, ReferenceTensorOps::new, false);
                     ThreadedHelperLanes shared = new ThreadedHelperLanes(1, family::get, false)) {
                    // the same chunks on the same lanes; only where dη and dx̃ are computed differs
                    Hypergradient inLine = hypergradient(ops, config, separate, batch);
                    int before = sharing.liveTensors();
                    Hypergradient onLane = hypergradient(sharing, config, shared, batch);
                    assertThat(onLane.outerLoss()).isEqualTo(inLine.outerLoss());
                    assertThat(onLane.images()).containsExactly(inLine.images());
                    assertThat(onLane.rawRates()).containsExactly(inLine.rawRates());
                    assertThat(sharing.liveTensors()).as("tensors left on the engine's backend").isEqualTo(before);
                }
            }
        }
    }

    /**
     * The web queue runs several runs at once on one set of lanes, so their lane work interleaves: each lane task
     * must leave the lane's scopes as it found them.
     */
    @Test
    void twoRunsSharingOneLaneAtOnceGetTheirOwnNumbers() throws Exception {
        LabeledImages train = fakeTrain(12);
        RealBatch batch = new RealBatch(train.pixels(), train.labels());
        DistillationConfig fixed = new DistillationConfig("mnist", "lenet", 1, 2, 3, InitMode.FIXED, 1, 1, 12, 0.02,
                0.01, 40, 0.5, 5, DType.FLOAT64);
        DistillationConfig random = new DistillationConfig("mnist", "lenet", 1, 2, 3, InitMode.RANDOM, 1, 1, 12, 0.02,
                0.01, 40, 0.5, 6, DType.FLOAT64);
        java.util.function.Supplier<ReferenceTensorOps> family = ReferenceTensorOps.sharingFamily();
        try (ThreadedHelperLanes lanes = new ThreadedHelperLanes(1, family::get, false)) {
            Hypergradient fixedAlone = hypergradient(family.get(), fixed, lanes, batch);
            Hypergradient randomAlone = hypergradient(family.get(), random, lanes, batch);
            java.util.concurrent.ExecutorService runs = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 5; round++) {
                    var a = runs.submit(() -> hypergradient(family.get(), fixed, lanes, batch));
                    var b = runs.submit(() -> hypergradient(family.get(), random, lanes, batch));
                    assertThat(a.get().images()).containsExactly(fixedAlone.images());
                    assertThat(a.get().rawRates()).containsExactly(fixedAlone.rawRates());
                    assertThat(b.get().images()).containsExactly(randomAlone.images());
                    assertThat(b.get().rawRates()).containsExactly(randomAlone.rawRates());
                }
            } finally {
                runs.shutdownNow();
            }
        }
    }

    private static Hypergradient hypergradient(ReferenceTensorOps on, DistillationConfig config, HelperLanes lanes,
                                               RealBatch batch) {
        DistillationEngine engine = new DistillationEngine(on,
                new ForwardOverReverseTrainer(on, Architectures.lenet(1, 28, 28, 10)), config, 4, lanes);
        DistillationState state = engine.initialState();
        return engine.hypergradient(state.images(), state.rawRates(), engine.trainingInits(state, 0), batch);
    }

    @Test
    void aLaneFailureReachesTheCaller() {
        LabeledImages train = fakeTrain(8);
        RealBatch batch = new RealBatch(train.pixels(), train.labels());
        DistillationConfig config = config(InitMode.FIXED, 1);
        try (ThreadedHelperLanes lanes = new ThreadedHelperLanes(1, () -> {
            throw new IllegalStateException("lane backend would not start");
        }, true)) {
            DistillationEngine parallel = new DistillationEngine(ops,
                    new ForwardOverReverseTrainer(ops, Architectures.lenet(1, 28, 28, 10)), config, 4, lanes);
            DistillationState state = parallel.initialState();
            assertThatThrownBy(() -> parallel.step(state, batch, 0))
                    .isInstanceOf(IllegalStateException.class).hasMessage("lane backend would not start");
            assertThat(state.iteration()).isZero();
        }
    }

    private static void assertCloseRelative(double[] actual, double[] expected, double tolerance) {
        double scale = Arrays.stream(expected).map(Math::abs).max().orElse(0);
        assertThat(scale).isPositive();
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as("element %d", i).isLessThanOrEqualTo(tolerance * scale);
        }
    }

    @Test
    void stepLrHalvesEveryDecayPeriod() {
        DistillationEngine engine = engine(config(InitMode.FIXED, 1));
        assertThat(engine.learningRate(0)).isEqualTo(0.01);
        assertThat(engine.learningRate(39)).isEqualTo(0.01);
        assertThat(engine.learningRate(40)).isEqualTo(0.005);
        assertThat(engine.learningRate(85)).isEqualTo(0.0025);
    }

    @Test
    void everyEpochVisitsEveryTrainingImageOnceInBatchesWithASmallerLastOne() {
        LabeledImages train = fakeTrain(20);
        RealBatchSchedule schedule = new RealBatchSchedule(train, train.labels(), 8, new RandomStreams(3));
        assertThat(schedule.iterationsPerEpoch()).isEqualTo(3);
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int i = 0; i < 3; i++) {
            RealBatch b = schedule.batch(i);
            total += b.labels().length;
            for (int k = 0; k < b.labels().length; k++) {
                seen.add(Arrays.toString(Arrays.copyOfRange(b.pixels(), k * 784, k * 784 + 4)));
            }
        }
        assertThat(total).isEqualTo(20);
        assertThat(seen).hasSize(20);
        assertThat(schedule.batch(2).labels()).hasSize(4);
        assertThat(schedule.batch(3).pixels()).isNotEqualTo(schedule.batch(0).pixels());
    }

    @Test
    void nonFiniteLossStopsWithTheIterationAndLeavesTheStateUntouched() {
        LabeledImages train = fakeTrain(20);
        DistillationEngine engine = engine(config(InitMode.FIXED, 1));
        DistillationState state = engine.initialState();
        float[] pixels = train.pixels().clone();
        pixels[0] = Float.NaN;
        RealBatch poisoned = new RealBatch(Arrays.copyOf(pixels, 8 * 784), Arrays.copyOf(train.labels(), 8));
        double[] before = state.images().clone();
        assertThatThrownBy(() -> engine.step(state, poisoned, 0)).isInstanceOf(NonFiniteLossException.class)
                .hasMessageContaining("iteration 0");
        assertThat(state.images()).isEqualTo(before);
        assertThat(state.iteration()).isZero();
    }

    @Test
    void adamMatchesTorchOnAHandComputedStep() {
        double[] p = {1.0};
        double[] m = {0};
        double[] v = {0};
        new Adam(0.5, 0.999, 1e-8).update(p, new double[] {2.0}, m, v, 1, 0.01);
        // first step: m̂ = g, v̂ = g², so p moves by lr·g/(|g| + eps)
        assertThat(p[0]).isCloseTo(1.0 - 0.01 * 2.0 / (2.0 + 1e-8), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(m[0]).isEqualTo(1.0);
        assertThat(v[0]).isCloseTo(0.004, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void invalidConfigNamesTheField() {
        assertThatThrownBy(() -> new DistillationConfig("mnist", "lenet", 1, 0, 3, InitMode.FIXED, 1, 1, 8, 0.02, 0.01,
                40, 0.5, 1, DType.FLOAT32)).isInstanceOf(InvalidConfigException.class)
                .hasMessage("steps must be between 1 and 1000 (got 0)");
        assertThatThrownBy(() -> new DistillationConfig("mnist", "lenet", 1, 1, 3, InitMode.FIXED, 1, 1, 8, -0.02,
                0.01, 40, 0.5, 1, DType.FLOAT32)).hasMessageContaining("distill-lr");
    }

    @Test
    void softplusAndItsInverseAgree() {
        for (double rate : new double[] {1e-4, 0.02, 1.0, 50.0}) {
            assertThat(LearningRates.softplus(LearningRates.inverseSoftplus(rate)))
                    .isCloseTo(rate, org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, rate)));
        }
    }
}
