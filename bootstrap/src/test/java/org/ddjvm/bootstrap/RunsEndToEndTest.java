package org.ddjvm.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import io.micrometer.core.instrument.MeterRegistry;
import org.ddjvm.application.attack.AttackConfigs;
import org.ddjvm.application.export.ExportReader;
import org.ddjvm.application.export.ExportedRun;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ddjvm.application.runs.CheckpointStore;
import org.ddjvm.application.runs.HistoryChunk;
import org.ddjvm.application.runs.HistoryStore;
import org.ddjvm.application.runs.RunFilter;
import org.ddjvm.application.runs.RunEvent;
import org.ddjvm.application.runs.RunEvents;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run commands against the embedded PostgreSQL: a run is recorded and published, listed, shown and
 * exported; a NaN loss fails the run with its reason and keeps the last good checkpoint; an invalid config or
 * missing data writes nothing; attack configs are added, listed and removed.
 */
@SpringBootTest(classes = DdApplication.class)
class RunsEndToEndTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    RunRepository runs;

    @Autowired
    AttackConfigs attackConfigs;

    @Autowired
    MeterRegistry meters;

    @Autowired
    HistoryStore history;

    @Autowired
    CheckpointStore checkpoints;

    @Autowired
    RunEvents events;

    private CliRun run(String... args) {
        return CliRun.of(context, args);
    }

    private JsonNode show(String name) {
        CliRun r = run("show", name, "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JsonMapper.builder().build().readTree(r.out());
    }

    private static double distilledMean(JsonNode shown) {
        for (JsonNode e : shown.get("evaluations")) {
            if (e.get("kind").asString().equals("distilled")) {
                return e.get("after").get("mean").asDouble();
            }
        }
        throw new AssertionError("no distilled evaluation in " + shown);
    }

    @Test
    void aRunIsRecordedPublishedListedShownAndExported(@TempDir Path out, @TempDir Path again) throws Exception {
        String name = TestHome.uniqueName("short");
        // whoever hears of a checkpoint can read it: the event comes after the chunk's commit (read here on
        // another connection, as a web request would)
        List<Long> announced = new CopyOnWriteArrayList<>();
        List<String> notYetReadable = new CopyOnWriteArrayList<>();
        AutoCloseable watching = events.subscribe(e -> {
            if (e instanceof RunEvent.CheckpointSaved c) {
                announced.add(c.iteration());
                List<Long> stored = CompletableFuture.supplyAsync(() -> checkpoints.iterations(c.runId())).join();
                if (!stored.contains(c.iteration())) {
                    notYetReadable.add(c.iteration() + " (stored: " + stored + ")");
                }
            }
        });
        CliRun r;
        try {
            r = run("distill", "--name", name, "--data-dir", SharedData.directory(), "--no-download", "--init",
                    "fixed", "--steps", "1", "--epochs", "3", "--outer-epochs", "1", "--batch-size", "1024",
                    "--checkpoint-every", "25", "--eval-nets", "2", "--progress-every", "0", "--out",
                    out.toString());
        } finally {
            watching.close();
        }
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(announced).containsExactly(25L, 50L, 59L);
        assertThat(notYetReadable).as("checkpoints announced before they could be read").isEmpty();
        assertThat(r.out()).contains("run " + name + " completed after 59 of 59 iterations")
                .contains("random-real baseline");

        JsonNode shown = show(name);
        assertThat(shown.get("status").asString()).isEqualTo("completed");
        assertThat(shown.get("iteration").asLong()).isEqualTo(59);
        assertThat(shown.get("failureReason").isNull()).isTrue();
        assertThat(shown.get("hasArtifact").asBoolean()).isTrue();
        assertThat(shown.get("evaluations")).hasSize(2);
        // checkpoints at 25, 50 and the epoch end 59; the newest two are kept
        assertThat(shown.get("checkpoints").toString()).isEqualTo("[50,59]");

        // the outer-loop history of the run launched from the command line: every iteration's loss, the rates at
        // each checkpoint, committed with it
        long id = runs.findByName(new RunName(name)).orElseThrow().id();
        List<HistoryChunk> chunks = history.chunks(id);
        assertThat(chunks).extracting(HistoryChunk::firstIteration).containsExactly(1L, 26L, 51L);
        assertThat(chunks).extracting(HistoryChunk::lastIteration).containsExactly(25L, 50L, 59L);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.epoch()).isZero();
            assertThat(c.rates()).hasSize(3);
            assertThat(java.util.Arrays.stream(c.rates()).allMatch(rate -> rate > 0)).isTrue();
            assertThat(java.util.Arrays.stream(c.losses()).allMatch(loss -> Double.isFinite(loss) && loss > 0))
                    .isTrue();
            assertThat(c.seconds()).isPositive();
        });
        double[] last = chunks.get(2).losses();
        assertThat(last[last.length - 1]).isEqualTo(shown.get("lastLoss").asDouble());

        // the job's meters
        assertThat(meters.get("dd.outer.iteration").timer().count()).isGreaterThanOrEqualTo(59);
        assertThat(meters.get("dd.outer.loss").tag("run", name).gauge().value()).isPositive();
        assertThat(meters.get("dd.rate.mean").tag("run", name).gauge().value()).isPositive();
        assertThat(meters.get("dd.evaluation.accuracy").tag("run", name).tag("kind", "distilled").gauge().value())
                .isEqualTo(distilledMean(shown));
        assertThat(meters.get("dd.runs").tag("status", "COMPLETED").gauge().value()).isPositive();

        CliRun list = run("runs", "--status", "completed");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains(name).contains("completed");

        CliRun exported = run("export", name, "--out", again.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        ExportedRun first = new ExportReader().read(out);
        ExportedRun second = new ExportReader().read(again);
        assertThat(second.export()).isEqualTo(first.export());
        assertThat(second.summary().iterations()).isEqualTo(59);
        assertThat(second.summary().accuracy().after().mean())
                .isGreaterThan(second.summary().accuracy().before().mean() + 0.05)
                .isEqualTo(distilledMean(shown));
    }

    @Test
    void aNonFiniteLossFailsTheRunWithItsReasonAndKeepsTheLastGoodCheckpoint() {
        String name = TestHome.uniqueName("nan");
        CliRun r = run("distill", "--name", name, "--data-dir", SharedData.directory(), "--no-download", "--init",
                "fixed", "--steps", "1", "--epochs", "3", "--outer-epochs", "1", "--batch-size", "512",
                "--distill-lr", "1e30", "--eval-nets", "1", "--progress-every", "0");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("run " + name + " failed").contains("non-finite loss at iteration 0")
                .contains("dd resume " + name);
        JsonNode shown = show(name);
        assertThat(shown.get("status").asString()).isEqualTo("failed");
        assertThat(shown.get("failureReason").asString()).contains("non-finite loss at iteration 0");
        assertThat(shown.get("checkpoints").toString()).isEqualTo("[0]");
        assertThat(shown.get("hasArtifact").asBoolean()).isFalse();
        assertThat(history.chunks(runs.findByName(new RunName(name)).orElseThrow().id()))
                .as("no chunk committed").isEmpty();
    }

    @Test
    void anInvalidConfigOrMissingDataWritesNothing(@TempDir Path empty) {
        long before = runs.count(RunFilter.all());
        CliRun invalid = run("distill", "--name", TestHome.uniqueName("bad"), "--steps", "0");
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err()).contains("steps must be between 1 and 1000 (got 0)");
        CliRun badName = run("distill", "--name", "no spaces please");
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.err()).contains("name must be");
        CliRun noData = run("distill", "--name", TestHome.uniqueName("nodata"), "--data-dir", empty.toString(),
                "--no-download", "--outer-epochs", "1");
        assertThat(noData.exitCode()).isEqualTo(1);
        assertThat(noData.err().lines().count()).isEqualTo(1);
        assertThat(runs.count(RunFilter.all())).isEqualTo(before);
    }

    @Test
    void unknownRunsAreOneLineErrors() {
        for (String[] args : new String[][] {{"show", "no-such-run"}, {"resume", "no-such-run"},
                {"export", "no-such-run", "--out", "target/x"}}) {
            CliRun r = run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.err().strip()).isEqualTo("dd " + args[0] + ": no run named no-such-run");
        }
    }

    @Test
    void attackConfigsAreAddedListedAndRemoved() {
        String name = TestHome.uniqueName("zero-to-one");
        CliRun added = run("attack-configs", "add", name, "--attacked", "0", "--target", "1", "--notes",
                "paper's MNIST attack");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(attackConfigs.findByName(name)).isPresent();
        CliRun duplicate = run("attack-configs", "add", name, "--attacked", "0", "--target", "1");
        assertThat(duplicate.exitCode()).isEqualTo(2);
        assertThat(duplicate.err()).contains("name is taken");
        CliRun same = run("attack-configs", "add", TestHome.uniqueName("same"), "--attacked", "3", "--target", "3");
        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.err()).contains("target-class must differ from the attacked class");
        CliRun list = run("attack-configs", "list");
        assertThat(list.out()).contains(name).contains("paper's MNIST attack");
        assertThat(run("attack-configs", "remove", name).exitCode()).isZero();
        assertThat(attackConfigs.findByName(name)).isEmpty();
        CliRun gone = run("attack-configs", "remove", name);
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.err().strip()).isEqualTo("dd attack-configs remove: no attack config named " + name);
    }
}
