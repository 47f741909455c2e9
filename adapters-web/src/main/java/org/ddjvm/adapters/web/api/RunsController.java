package org.ddjvm.adapters.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.ddjvm.adapters.web.BackendCatalog;
import org.ddjvm.application.queue.DeleteRun;
import org.ddjvm.application.queue.HaltRun;
import org.ddjvm.application.queue.RunQueue;
import org.ddjvm.application.queue.SubmitRun;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunCatalog;
import org.ddjvm.application.runs.RunSpec;
import org.ddjvm.domain.distill.InvalidConfigException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Runs: launch (queued), list, show, stop, resume, delete, and their evaluations and outer-loop history. */
@RestController
@RequestMapping("/api/runs")
@Tag(name = "runs", description = "distillation runs")
public class RunsController {

    private final SubmitRun submit;
    private final HaltRun halt;
    private final RunQueue queue;
    private final DeleteRun delete;
    private final RunViews views;
    private final RunCatalog catalog;
    private final BackendCatalog backends;

    public RunsController(SubmitRun submit, HaltRun halt, RunQueue queue, DeleteRun delete, RunViews views,
                          RunCatalog catalog, BackendCatalog backends) {
        this.submit = submit;
        this.halt = halt;
        this.queue = queue;
        this.delete = delete;
        this.views = views;
        this.catalog = catalog;
        this.backends = backends;
    }

    /** What a stop request did: {@code cancelled} (it was waiting) or {@code stopping} (after this iteration). */
    public record StopView(String name, String outcome) {
    }

    @PostMapping
    @Operation(summary = "launch a run", description = "Validates, records the run (QUEUED) and queues it; "
            + "answers 202 with its Location at once. Runs beyond the server's concurrency wait, in order.")
    public ResponseEntity<RunView> create(@RequestBody RunRequest request) {
        requireActiveBackend(request.backend());
        RunSpec spec = request.toSpec();
        DistillationRun run = submit.submit(spec, request.runName());
        return ResponseEntity.accepted().location(location(run)).body(views.view(run));
    }

    @GetMapping
    @Operation(summary = "list runs, newest first", description = "page from 0, size 1-100; status and dataset "
            + "filter")
    public RunPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                        @RequestParam(required = false) String status,
                        @RequestParam(required = false) String dataset) {
        return views.page(page, size, status, dataset);
    }

    @GetMapping("/{name}")
    @Operation(summary = "a run with its evaluations and checkpoints")
    public RunDetailsView get(@PathVariable String name) {
        return views.details(name);
    }

    @PostMapping("/{name}/stop")
    @Operation(summary = "stop a run", description = "A waiting run is cancelled; a running one stops after its "
            + "current iteration with a checkpoint (resumable). 409 when it is neither.")
    public ResponseEntity<StopView> stop(@PathVariable String name) {
        DistillationRun run = views.run(name);
        HaltRun.Outcome outcome = halt.halt(run.name());
        if (outcome == HaltRun.Outcome.NOT_RUNNING) {
            throw new IllegalStateException("run " + run.name() + " is not running (it is "
                    + catalog.get(run.name()).status().name().toLowerCase() + ")");
        }
        return ResponseEntity.accepted().body(new StopView(run.name().value(),
                outcome.name().toLowerCase()));
    }

    @PostMapping("/{name}/resume")
    @Operation(summary = "resume a stopped or failed run", description = "Queues it again; it continues from its "
            + "last checkpoint. 409 when it completed or is running.")
    public ResponseEntity<RunView> resume(@PathVariable String name) {
        DistillationRun run = queue.resume(RunViews.pathName(name));
        return ResponseEntity.accepted().location(location(run)).body(views.view(run));
    }

    @DeleteMapping("/{name}")
    @Operation(summary = "delete a run", description = "With its checkpoints, evaluations and result. 409 while "
            + "it runs or waits: stop it first.")
    public ResponseEntity<Void> remove(@PathVariable String name) {
        delete.delete(RunViews.pathName(name));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{name}/evaluations")
    @Operation(summary = "a run's evaluations: the distilled data and the random-real baseline")
    public List<EvaluationView> evaluations(@PathVariable String name) {
        return views.details(name).evaluations();
    }

    @GetMapping("/{name}/history")
    @Operation(summary = "a run's outer-loop history: the loss of every iteration and the rates per checkpoint",
            description = "Stored with every checkpoint, whoever launched the run (dd distill or this API) and "
                    + "whichever server ran it, up to its latest checkpoint. One chunk per checkpoint interval: "
                    + "{firstIteration, lastIteration, epoch, losses[] (one per iteration), rates[] (the T learned "
                    + "rates after lastIteration), seconds}. Later iterations arrive on the events stream.")
    public RunHistoryView history(@PathVariable String name) {
        DistillationRun run = views.run(name);
        return RunHistoryView.of(run, catalog.history(run));
    }

    private void requireActiveBackend(String backend) {
        if (backend == null || backend.isBlank() || backend.strip().equals(backends.active())) {
            return;
        }
        if (!backends.installed().contains(backend.strip())) {
            throw new InvalidConfigException("backend", backend, "must be one of " + backends.installed());
        }
        throw new InvalidConfigException("backend", backend, "is not the backend of this server ("
                + backends.active() + "); restart it with dd serve --backend " + backend.strip());
    }

    private static URI location(DistillationRun run) {
        return URI.create("/api/runs/" + run.name().value());
    }
}
