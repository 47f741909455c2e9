package org.ddjvm.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ddjvm.application.export.DistilledExport;
import org.ddjvm.application.export.RunSummary;
import org.ddjvm.application.export.StepsImageRenderer;
import org.ddjvm.application.runs.DistilledArtifact;
import org.ddjvm.domain.nn.ParameterSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcArtifactStoreTest {

    @RegisterExtension
    static final MigratedDatabase db = new MigratedDatabase();

    private final MutableClock clock = new MutableClock();
    private JdbcArtifactStore artifacts;
    private JdbcRunRepository runs;
    private long runId;

    @BeforeEach
    void aRun() {
        db.truncate("runs CASCADE");
        runs = new JdbcRunRepository(db.database(clock));
        artifacts = new JdbcArtifactStore(db.database(clock));
        runId = runs.create(Fixtures.newRun("published")).id();
    }

    @Test
    void aFixedInitArtifactReadsBackEqual() {
        DistilledExport data = mnistExport(1, 1, 3, true);
        RunSummary summary = summary(data, RunSummary.INIT_FIXED, Double.NaN, null);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};

        artifacts.save(new DistilledArtifact(runId, data, summary, png));

        DistilledArtifact read = artifacts.find(runId).orElseThrow();
        assertThat(read.runId()).isEqualTo(runId);
        assertThat(read.data()).isEqualTo(data);
        assertThat(List.copyOf(read.data().theta0().keySet())).containsExactlyElementsOf(data.theta0().keySet());
        assertThat(read.summary()).isEqualTo(summary);
        assertThat(read.summary().accuracy().before().std()).isNaN();
        assertThat(read.stepsPng()).isEqualTo(png);
    }

    @Test
    void savingAgainReplacesTheArtifact() {
        DistilledExport first = mnistExport(1, 1, 3, true);
        artifacts.save(new DistilledArtifact(runId, first, summary(first, RunSummary.INIT_FIXED, 0.01, null),
                new byte[] {1}));
        DistilledExport second = mnistExport(2, 2, 1, false);
        RunSummary summary = summary(second, RunSummary.INIT_RANDOM, 0.02,
                new RunSummary.Baseline("random real", 0.71, 0.05));

        artifacts.save(new DistilledArtifact(runId, second, summary, new byte[] {2, 3}));

        DistilledArtifact read = artifacts.find(runId).orElseThrow();
        assertThat(read.data()).isEqualTo(second);
        assertThat(read.data().hasTheta0()).isFalse();
        assertThat(read.summary()).isEqualTo(summary);
        assertThat(read.stepsPng()).containsExactly(2, 3);
    }

    @Test
    void aHundredImageMnistArtifactStaysWellUnderAFewMegabytes() {
        DistilledExport data = mnistExport(10, 1, 3, true);
        RunSummary summary = summary(data, RunSummary.INIT_FIXED, 0.01, null);
        byte[] png = new StepsImageRenderer().renderPng(data, summary.normalization());

        artifacts.save(new DistilledArtifact(runId, data, summary, png));

        long bytes = JdbcClient.create(db.dataSource()).sql("""
                SELECT (SELECT pg_column_size(a.*) FROM artifacts a WHERE run_id = :run)
                     + (SELECT coalesce(sum(pg_column_size(p.*)), 0) FROM artifact_parameters p WHERE run_id = :run)""")
                .param("run", runId).query(Long.class).single();
        System.out.printf("100-image MNIST artifact with theta0 and a %d-byte preview: %d bytes in the database%n",
                png.length, bytes);
        long floats = data.images().length + data.lrs().length + 61_706L;
        assertThat(bytes).isLessThan(2_000_000).isLessThan(4 * floats + png.length + 20_000);
        assertThat(artifacts.find(runId).orElseThrow().data()).isEqualTo(data);
    }

    @Test
    void deletingTheRunDeletesItsArtifact() {
        DistilledExport data = mnistExport(1, 1, 3, true);
        artifacts.save(new DistilledArtifact(runId, data, summary(data, RunSummary.INIT_FIXED, 0, null),
                new byte[] {1}));

        runs.delete(runId);

        assertThat(artifacts.find(runId)).isEmpty();
        assertThat(JdbcClient.create(db.dataSource()).sql("SELECT count(*) FROM artifact_parameters")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRunWithoutArtifactHasNone() {
        assertThat(artifacts.find(runId)).isEmpty();
    }

    /** An MNIST LeNet export of S steps, ipc images per class, E epochs, with a float32 θ0 when asked. */
    static DistilledExport mnistExport(int steps, int ipc, int epochs, boolean theta0) {
        SplittableRandom random = new SplittableRandom(steps * 100L + ipc * 10L + epochs);
        float[] images = new float[steps * 10 * ipc * 784];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextGaussian();
        }
        images[0] = Float.intBitsToFloat(0x7fc0_1234);
        images[1] = -0.0f;
        float[] lrs = new float[steps * epochs];
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = (float) (0.02 + random.nextDouble() * 0.01);
        }
        Map<String, DistilledExport.Parameter> parameters = new LinkedHashMap<>();
        if (theta0) {
            for (ParameterSpec spec : Fixtures.lenetSpecs()) {
                float[] values = new float[spec.shape().intSize()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) random.nextGaussian();
                }
                parameters.put(spec.name(), new DistilledExport.Parameter(spec.shape().dims(), values));
            }
        }
        return new DistilledExport("mnist", "lenet", ipc, steps, epochs, 10, 1, 28, 28, images,
                DistilledExport.classMajorLabels(steps, 10, ipc), lrs, parameters);
    }

    static RunSummary summary(DistilledExport data, String init, double beforeStd, RunSummary.Baseline baseline) {
        return new RunSummary(data.dataset(), data.arch(), data.ipc(), data.steps(), data.epochs(), init,
                Long.MAX_VALUE, "djl", new RunSummary.Normalization(new double[] {0.1307}, new double[] {0.3081}),
                23600, 0.1 + 0.2, 1.0 / 3, new RunSummary.Accuracy(new RunSummary.MeanStd(0.129, beforeStd),
                new RunSummary.MeanStdNets(0.938, 0.0123456789012345, 200)), baseline);
    }
}
