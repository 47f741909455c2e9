package org.ddjvm.adapters.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ddjvm.adapters.web.live.RunEventStreams;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live event stream of a run. */
@RestController
@Tag(name = "runs")
public class RunEventsController {

    private final RunViews views;
    private final RunEventStreams streams;

    public RunEventsController(RunViews views, RunEventStreams streams) {
        this.views = views;
        this.streams = streams;
    }

    @GetMapping(path = "/api/runs/{name}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "server-sent events of a run", description = "On connect: status, history (the "
            + "iterations this server saw). Then iteration {iteration, totalIterations, epoch, outerEpochs, loss, "
            + "secondsPerIteration, etaSeconds, meanRate, rates[]}, status {status, reason}, phase {phase} and "
            + "checkpoint {iteration}. Ends after a final status.")
    public SseEmitter events(@PathVariable String name) {
        return streams.open(views.run(name));
    }
}
