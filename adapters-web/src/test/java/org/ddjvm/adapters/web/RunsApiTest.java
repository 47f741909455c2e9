package org.ddjvm.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.HistoryChunk;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.domain.distill.InitMode;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class RunsApiTest extends WebTest {

    static final RequestPostProcessor VIEWER = user("viewer").roles("VIEWER");
    static final RequestPostProcessor OPERATOR = user("operator").roles("OPERATOR", "VIEWER");

    private ResultActions create(String json) throws Exception {
        return mvc.perform(post("/api/runs").with(OPERATOR).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    static RequestPostProcessor csrf() {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
    }

    @Test
    void createAnswers202WithLocationAndQueuesTheRun() throws Exception {
        create("{\"name\":\"api-create\",\"init\":\"fixed\",\"steps\":1,\"epochs\":3,\"outerEpochs\":2}")
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/runs/api-create"))
                .andExpect(jsonPath("$.name").value("api-create"))
                .andExpect(jsonPath("$.status").value("QUEUED"))
                .andExpect(jsonPath("$.init").value("fixed"))
                .andExpect(jsonPath("$.totalIterations").value(118))
                .andExpect(jsonPath("$.spec.evalNets").value(10))
                .andExpect(jsonPath("$.spec.outerEpochs").value(2));

        await(() -> jobs.started.contains("api-create"));
        assertThat(statusOf("api-create")).isEqualTo(RunStatus.RUNNING);
        jobs.finish(runs.findByName(new RunName("api-create")).orElseThrow());
        await(() -> statusOf("api-create") == RunStatus.COMPLETED);
    }

    @Test
    void withoutANameOneIsGeneratedAndDefaultsAreTheAuthors() throws Exception {
        create("{}").andExpect(status().isAccepted())
                .andExpect(header().string("Location", startsWith("/api/runs/mnist-")))
                .andExpect(jsonPath("$.spec.steps").value(10))
                .andExpect(jsonPath("$.spec.epochs").value(3))
                .andExpect(jsonPath("$.spec.init").value("random"))
                .andExpect(jsonPath("$.spec.outerEpochs").value(400))
                .andExpect(jsonPath("$.spec.evalNets").value(200))
                .andExpect(jsonPath("$.backend").value("djl"));
    }

    @Test
    void validationErrorsAreProblemDetailsNamingTheField() throws Exception {
        create("{\"outerEpochs\":0}").andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.field").value("outerEpochs"))
                .andExpect(jsonPath("$.errors[0].field").value("outerEpochs"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("at least 1")))
                .andExpect(jsonPath("$.detail").value(containsString("outerEpochs must be at least 1")));
        create("{\"init\":\"sideways\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("init"));
        create("{\"dataset\":\"imagenet\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("dataset"));
        create("{\"ipc\":\"many\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("ipc"));
        create("{\"outerEpoch\":3}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("outerEpoch"))
                .andExpect(jsonPath("$.detail").value(containsString("not a known field")));
        create("{\"evalNets\":0}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("evalNets"));
        create("{\"name\":\"no spaces\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name"));
        create("{\"backend\":\"dl4j\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("backend"))
                .andExpect(jsonPath("$.detail").value(containsString("--backend dl4j")));
        create("{\"backend\":\"tpu\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("backend"));
        create("{\"dataset\":\"fashion-mnist\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("dataset"))
                .andExpect(jsonPath("$.detail").value(containsString("missing")));
        create("not json").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void aTakenNameIs409NamingTheField() throws Exception {
        stored("api-taken", RunStatus.COMPLETED);
        create("{\"name\":\"api-taken\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("name"))
                .andExpect(jsonPath("$.detail").value(containsString("taken")));
    }

    @Test
    void listIsPagedNewestFirstAndFilters() throws Exception {
        stored("api-list-a", RunStatus.COMPLETED);
        stored("api-list-b", RunStatus.FAILED);
        stored("api-list-c", RunStatus.COMPLETED);

        mvc.perform(get("/api/runs").param("status", "completed").param("size", "100").with(VIEWER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name", hasItem("api-list-a")))
                .andExpect(jsonPath("$.items[*].status", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("COMPLETED"))));
        mvc.perform(get("/api/runs").param("size", "1").param("page", "0").with(VIEWER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.totalItems").value(org.hamcrest.Matchers.greaterThanOrEqualTo(3)));
        mvc.perform(get("/api/runs").param("dataset", "fashion-mnist").with(VIEWER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get("/api/runs").param("status", "sleeping").with(VIEWER))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("status"));
        mvc.perform(get("/api/runs").param("size", "0").with(VIEWER))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("size"));
        mvc.perform(get("/api/runs").param("page", "x").with(VIEWER))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("page"));
    }

    @Test
    void getShowsEvaluationsAndUnknownRunsAre404() throws Exception {
        DistillationRun run = stored("api-get", RunStatus.COMPLETED);
        publish(run);
        checkpoint(run, 118);

        mvc.perform(get("/api/runs/api-get").with(VIEWER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.run.name").value("api-get"))
                .andExpect(jsonPath("$.run.accuracy").value(org.hamcrest.Matchers.closeTo(0.82, 1e-9)))
                .andExpect(jsonPath("$.published").value(true))
                .andExpect(jsonPath("$.checkpoints[0]").value(118))
                .andExpect(jsonPath("$.evaluations[?(@.kind == 'distilled')].nets").value(hasItem(2)));
        mvc.perform(get("/api/runs/api-get/evaluations").with(VIEWER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[?(@.kind == 'random_real')].nets").value(hasItem(2)));
        mvc.perform(get("/api/runs/nope").with(VIEWER)).andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                .andExpect(jsonPath("$.detail").value("no run named nope"));
        mvc.perform(get("/api/runs/bad name!").with(VIEWER)).andExpect(status().isNotFound());
        mvc.perform(get("/api/runs/nope/evaluations").with(VIEWER)).andExpect(status().isNotFound());
    }

    @Test
    void historyIsTheStoredLossOfEveryIterationAndTheRatesPerCheckpoint() throws Exception {
        DistillationRun run = stored("api-history", RunStatus.COMPLETED, spec(InitMode.FIXED, 1, 3));
        results.append(new HistoryChunk(run.id(), 1, 0, new double[] {2.5, 2.25, 2.0},
                new double[] {0.02, 0.021, 0.022}, 0.6));
        results.append(new HistoryChunk(run.id(), 4, 1, new double[] {1.5, 1.25}, new double[] {0.03, 0.031, 0.032},
                0.4));

        mvc.perform(get("/api/runs/api-history/history").with(VIEWER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.run").value("api-history"))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.totalIterations").value(118))
                .andExpect(jsonPath("$.outerEpochs").value(2))
                .andExpect(jsonPath("$.iterations").value(5))
                .andExpect(jsonPath("$.chunks.length()").value(2))
                .andExpect(jsonPath("$.chunks[0].firstIteration").value(1))
                .andExpect(jsonPath("$.chunks[0].lastIteration").value(3))
                .andExpect(jsonPath("$.chunks[0].epoch").value(0))
                .andExpect(jsonPath("$.chunks[0].losses[2]").value(2.0))
                .andExpect(jsonPath("$.chunks[1].firstIteration").value(4))
                .andExpect(jsonPath("$.chunks[1].epoch").value(1))
                .andExpect(jsonPath("$.chunks[1].losses.length()").value(2))
                .andExpect(jsonPath("$.chunks[1].rates[2]").value(0.032))
                .andExpect(jsonPath("$.chunks[1].seconds").value(0.4));

        stored("api-history-none", RunStatus.QUEUED);
        mvc.perform(get("/api/runs/api-history-none/history").with(VIEWER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.iterations").value(0))
                .andExpect(jsonPath("$.chunks.length()").value(0));
    }

    @Test
    void historyOfAnUnknownRunIs404AndNeedsAViewer() throws Exception {
        mvc.perform(get("/api/runs/nope/history").with(VIEWER)).andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                .andExpect(jsonPath("$.detail").value("no run named nope"));
        mvc.perform(get("/api/runs/bad name!/history").with(VIEWER)).andExpect(status().isNotFound());
        mvc.perform(get("/api/runs/api-roles/history")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/runs/api-roles/history").with(user("a").roles("ATTACKER")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void stopStopsARunningRunAndCancelsAWaitingOne() throws Exception {
        create("{\"name\":\"api-stop-1\"}").andExpect(status().isAccepted());
        create("{\"name\":\"api-stop-2\"}").andExpect(status().isAccepted());
        await(() -> statusOf("api-stop-1") == RunStatus.RUNNING);

        mvc.perform(post("/api/runs/api-stop-2/stop").with(OPERATOR).with(csrf())).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.outcome").value("cancelled"));
        mvc.perform(post("/api/runs/api-stop-1/stop").with(OPERATOR).with(csrf())).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.outcome").value("stopping"));
        await(() -> statusOf("api-stop-1") == RunStatus.STOPPED);
        assertThat(statusOf("api-stop-2")).isEqualTo(RunStatus.STOPPED);
        assertThat(jobs.started).doesNotContain("api-stop-2");

        mvc.perform(post("/api/runs/api-stop-1/stop").with(OPERATOR).with(csrf())).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("not running")));
        mvc.perform(post("/api/runs/nope/stop").with(OPERATOR).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void resumeQueuesAStoppedRunAndRefusesACompletedOne() throws Exception {
        stored("api-resume", RunStatus.STOPPED);
        stored("api-resume-done", RunStatus.COMPLETED);

        mvc.perform(post("/api/runs/api-resume/resume").with(OPERATOR).with(csrf()))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/runs/api-resume"));
        await(() -> jobs.started.contains("api-resume"));
        mvc.perform(post("/api/runs/api-resume/resume").with(OPERATOR).with(csrf()))
                .andExpect(status().isConflict());

        mvc.perform(post("/api/runs/api-resume-done/resume").with(OPERATOR).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("nothing to resume")));
        mvc.perform(post("/api/runs/nope/resume").with(OPERATOR).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void deleteRemovesAFinishedRunAndRefusesARunningOne() throws Exception {
        stored("api-delete", RunStatus.FAILED);
        stored("api-delete-busy", RunStatus.RUNNING);

        mvc.perform(delete("/api/runs/api-delete").with(OPERATOR).with(csrf())).andExpect(status().isNoContent());
        assertThat(runs.findByName(new RunName("api-delete"))).isEmpty();
        mvc.perform(delete("/api/runs/api-delete").with(OPERATOR).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(delete("/api/runs/api-delete-busy").with(OPERATOR).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("is running")));
    }

    @Test
    void readingNeedsViewerAndActingNeedsOperator() throws Exception {
        stored("api-roles", RunStatus.COMPLETED);

        mvc.perform(get("/api/runs")).andExpect(status().isUnauthorized())
                .andExpect(header().stringValues("WWW-Authenticate", hasItem(startsWith("Basic"))))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/runs").with(user("a").roles("ATTACKER"))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(post("/api/runs").with(VIEWER).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/runs/api-roles/stop").with(VIEWER).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/api/runs/api-roles/resume").with(VIEWER).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(delete("/api/runs/api-roles").with(VIEWER).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(delete("/api/runs/api-roles").with(csrf())).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/runs/api-roles").with(VIEWER)).andExpect(status().isOk());
    }
}
