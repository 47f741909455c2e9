package org.ddjvm.bootstrap.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.EvaluationRecord;
import org.ddjvm.application.runs.RunCatalog;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.evaluation.MeanStd;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/** {@code dd show RUN}: status, failure reason, progress, accuracy, checkpoints; {@code --json} for scripts. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a run: status, failure reason, progress, accuracy and checkpoints.")
public class ShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "the run's name")
    String name;

    @Option(names = "--json", description = "one JSON object instead of text")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final RunServices services;

    public ShowCommand(RunServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        RunCatalog.RunDetails d = services.catalog().details(new RunName(name));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonMapper.builder().build().writeValueAsString(asMap(d)));
        } else {
            out.print(asText(d));
        }
        out.flush();
        return 0;
    }

    static Map<String, Object> asMap(RunCatalog.RunDetails d) {
        DistillationRun r = d.run();
        DistillationConfig c = r.spec().config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name().value());
        m.put("status", r.status().name().toLowerCase(Locale.ROOT));
        m.put("failureReason", r.failureReason());
        m.put("backend", r.backend());
        m.put("iteration", r.iteration());
        m.put("totalIterations", r.totalIterations());
        m.put("progress", r.fractionDone());
        m.put("lastLoss", r.lastLoss());
        m.put("createdAt", String.valueOf(r.createdAt()));
        m.put("startedAt", r.startedAt() == null ? null : r.startedAt().toString());
        m.put("finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("dataset", c.dataset());
        config.put("arch", c.architecture());
        config.put("ipc", c.imagesPerClass());
        config.put("steps", c.steps());
        config.put("epochs", c.epochs());
        config.put("init", c.init().label());
        config.put("netsPerIteration", c.netsPerIteration());
        config.put("outerEpochs", c.outerEpochs());
        config.put("batchSize", c.realBatchSize());
        config.put("distillLr", c.distillLr());
        config.put("lr", c.lr());
        config.put("decayEvery", c.decayEvery());
        config.put("seed", c.seed());
        config.put("dtype", c.dtype().name().toLowerCase(Locale.ROOT));
        config.put("evalNets", r.spec().evaluationNets());
        config.put("baselineLr", r.spec().baselineRate());
        config.put("checkpointEvery", r.spec().checkpointEvery());
        m.put("config", config);
        List<Map<String, Object>> evaluations = new ArrayList<>();
        for (EvaluationRecord e : d.evaluations()) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
            em.put("nets", e.nets());
            em.put("before", meanStd(e.result().before()));
            em.put("after", meanStd(e.result().after()));
            evaluations.add(em);
        }
        m.put("evaluations", evaluations);
        m.put("checkpoints", d.checkpoints());
        m.put("hasArtifact", d.hasArtifact());
        return m;
    }

    private static Map<String, Object> meanStd(MeanStd s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", s.mean());
        m.put("std", s.count() > 1 ? s.std() : null);
        return m;
    }

    static String asText(RunCatalog.RunDetails d) {
        DistillationRun r = d.run();
        DistillationConfig c = r.spec().config();
        StringBuilder s = new StringBuilder();
        s.append(String.format("run        %s%n", r.name()));
        s.append(String.format("status     %s%n", r.status().name().toLowerCase(Locale.ROOT)));
        r.failure().ifPresent(f -> s.append(String.format("failure    %s%n", f)));
        s.append(String.format("progress   %d / %d iterations (%.1f%%)%s%n", r.iteration(), r.totalIterations(),
                100 * r.fractionDone(), r.lastLoss() == null ? "" : String.format(", loss %.4f", r.lastLoss())));
        s.append(String.format("config     %s %s, S %d, E %d, ipc %d, %s init, %d outer epochs, batch %d, seed %d, "
                        + "%s, backend %s%n", c.dataset(), c.architecture(), c.steps(), c.epochs(),
                c.imagesPerClass(), c.init().label(), c.outerEpochs(), c.realBatchSize(), c.seed(),
                c.dtype().name().toLowerCase(Locale.ROOT), r.backend()));
        s.append(String.format("created    %s%n", r.createdAt()));
        if (r.startedAt() != null) {
            s.append(String.format("started    %s%n", r.startedAt()));
        }
        if (r.finishedAt() != null) {
            s.append(String.format("finished   %s%n", r.finishedAt()));
        }
        for (EvaluationRecord e : d.evaluations()) {
            s.append(Reports.accuracy(e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), e.result()))
                    .append('\n');
        }
        s.append(String.format("checkpoints %s%n", d.checkpoints()));
        s.append(String.format("artifact   %s%n", d.hasArtifact() ? "published (dd export " + r.name()
                + " --out DIR)" : "none yet"));
        return s.toString();
    }
}
