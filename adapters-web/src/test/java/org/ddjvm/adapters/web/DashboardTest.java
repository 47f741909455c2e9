package org.ddjvm.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.ddjvm.application.distill.Progress;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunEvent;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunStatus;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class DashboardTest extends WebTest {

    static final RequestPostProcessor OPERATOR = user("operator").roles("OPERATOR", "VIEWER");
    static final RequestPostProcessor VIEWER = user("viewer").roles("VIEWER");

    @Test
    void theRunsPageListsRunsAndPollsItsTable() throws Exception {
        DistillationRun run = stored("page-list", RunStatus.COMPLETED);
        publish(run);
        mvc.perform(get("/runs").with(VIEWER)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("page-list"), containsString("82.0%"),
                        containsString("hx-trigger=\"every 3s\""), containsString("htmx.min.js"),
                        not(containsString("href=\"/runs/new\"")))));
        mvc.perform(get("/runs/rows").with(VIEWER)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<tbody"), containsString("page-list"),
                        not(containsString("<html")))));
        mvc.perform(get("/runs").param("status", "completed").with(OPERATOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/runs/new\"")));
        mvc.perform(get("/")).andExpect(status().isFound());
    }

    @Test
    void theNewRunFormHasThePresetsAndLaunches() throws Exception {
        mvc.perform(get("/runs/new").param("preset", "mnist-fixed").with(OPERATOR)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("preset-mnist-random"),
                        containsString("name=\"_csrf\""), containsString("value=\"400\""),
                        containsString("<option value=\"fixed\" selected"),
                        containsString("needs a restart with --backend dl4j"))));

        mvc.perform(post("/runs").with(OPERATOR).with(csrf()).param("name", "page-launch").param("dataset", "mnist")
                        .param("init", "fixed").param("steps", "1").param("epochs", "3").param("outerEpochs", "1")
                        .param("backend", "djl"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/runs/page-launch"));
        assertThat(runs.findByName(new RunName("page-launch")).orElseThrow().spec().config().steps()).isEqualTo(1);
    }

    @Test
    void invalidFieldsAreShownBesideTheField() throws Exception {
        mvc.perform(post("/runs").with(OPERATOR).with(csrf()).param("name", "page-bad").param("steps", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("class=\"field-error\">steps must be between 1"),
                        containsString("value=\"page-bad\""))));
        mvc.perform(post("/runs").with(OPERATOR).with(csrf()).param("outerEpochs", "lots"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("outerEpochs must be a whole number")));
        mvc.perform(post("/runs").with(OPERATOR).with(csrf()).param("backend", "dl4j"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("restart it with dd serve --backend dl4j")));
        stored("page-taken", RunStatus.COMPLETED);
        mvc.perform(post("/runs").with(OPERATOR).with(csrf()).param("name", "page-taken"))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("is taken")));
        assertThat(runs.findByName(new RunName("page-bad"))).isEmpty();
    }

    @Test
    void theRunPageShowsAccuracyImagesAndButtons() throws Exception {
        DistillationRun run = stored("page-run", RunStatus.COMPLETED);
        publish(run);
        mvc.perform(get("/runs/page-run").with(OPERATOR)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("82.0% ± 2.8"), containsString("53.0% ± 4.2"),
                        containsString("/api/runs/page-run/distilled.npz"), containsString("uPlot.iife.min.js"),
                        containsString("/js/run.js"), containsString("data-checkpoint-src"),
                        containsString("id=\"delete\""), not(containsString("id=\"stop\"")))));
        mvc.perform(get("/runs/page-run/summary").with(VIEWER)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"summary\""), not(containsString("<html")),
                        not(containsString("id=\"delete\"")))));
        mvc.perform(get("/runs/nope").with(VIEWER)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("no run named nope")));
    }

    @Test
    void aRunningRunShowsItsProgressEpochLossAndEtaOnce() throws Exception {
        DistillationRun run = stored("page-live", RunStatus.RUNNING);
        events.publish(new RunEvent.Iteration(run.id(), new Progress(60, 118, 1, 2, 1.23456, 0.5, 29.0, 0.02),
                new double[] {0.02, 0.021}));

        for (String path : List.of("/runs/page-live", "/runs/page-live/summary")) {
            String html = mvc.perform(get(path).with(VIEWER)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).contains("id=\"run-iteration\">60 / 118<", "id=\"run-epoch\">(epoch 2 of 2)<",
                    "id=\"run-eta\">ETA 0.5 min<", "id=\"run-loss\">1.2346<");
            assertThat(html.split("ETA", -1)).as("ETA shown once in " + path).hasSize(2);
        }
        // the page's script writes the same elements (no second ETA of its own) and draws the stored history first
        mvc.perform(get("/js/run.js")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("setText('run-eta'"),
                        containsString("setText('run-iteration', p.iteration + ' / ' + p.totalIterations)"),
                        containsString("api + '/history'"))));
        stored("page-queued", RunStatus.QUEUED);
        mvc.perform(get("/runs/page-queued/summary").with(VIEWER)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"run-eta\"></span>"),
                        containsString("id=\"run-loss\">—<"), not(containsString("ETA")))));
    }

    @Test
    void stopResumeAndDeleteFromTheRunPage() throws Exception {
        stored("page-act", RunStatus.STOPPED);
        mvc.perform(post("/runs/page-act/resume").with(OPERATOR).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/runs/page-act"))
                .andExpect(flash().attribute("message", containsString("Resumed")));
        await(() -> statusOf("page-act") == RunStatus.RUNNING);
        mvc.perform(get("/runs/page-act").with(OPERATOR)).andExpect(content().string(containsString("id=\"stop\"")));
        mvc.perform(post("/runs/page-act/delete").with(OPERATOR).with(csrf()))
                .andExpect(flash().attribute("error", containsString("stop it first")));
        mvc.perform(post("/runs/page-act/stop").with(OPERATOR).with(csrf()))
                .andExpect(flash().attribute("message", containsString("Stopping")));
        await(() -> statusOf("page-act") == RunStatus.STOPPED);
        mvc.perform(post("/runs/page-act/delete").with(OPERATOR).with(csrf()))
                .andExpect(redirectedUrl("/runs"));
        assertThat(runs.findByName(new RunName("page-act"))).isEmpty();
    }

    @Test
    void rolesGuardThePages() throws Exception {
        mvc.perform(get("/runs/new").with(VIEWER)).andExpect(status().isForbidden());
        mvc.perform(post("/runs/x/stop").with(VIEWER).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/attack-configs").with(VIEWER)).andExpect(status().isForbidden());
        mvc.perform(get("/runs").with(user("a").roles("ATTACKER"))).andExpect(status().isForbidden());
    }

    @Test
    void theAttackConfigsPageListsCreatesAndDeletes() throws Exception {
        RequestPostProcessor attacker = user("attacker").roles("ATTACKER");
        mvc.perform(post("/attack-configs").with(attacker).with(csrf()).param("name", "page-attack")
                        .param("dataset", "mnist").param("attackedClass", "0").param("targetClass", "1"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/attack-configs"));
        mvc.perform(get("/attack-configs").with(attacker)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("page-attack"), containsString("by attacker"))));
        mvc.perform(post("/attack-configs").with(attacker).with(csrf()).param("name", "page-attack-2")
                        .param("dataset", "mnist").param("attackedClass", "2").param("targetClass", "2"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("targetClass must differ")));
        mvc.perform(post("/attack-configs/page-attack/delete").with(attacker).with(csrf()))
                .andExpect(redirectedUrl("/attack-configs"));
        mvc.perform(get("/attack-configs").with(attacker))
                .andExpect(content().string(not(containsString("page-attack<"))));
    }

    @Test
    void theScriptsAndStylesAreServedWithoutANodeBuild() throws Exception {
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/uplot/dist/uPlot.iife.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/uplot/dist/uPlot.min.css")).andExpect(status().isOk());
        mvc.perform(get("/js/run.js")).andExpect(status().isOk())
                .andExpect(content().string(containsString("EventSource")));
        mvc.perform(get("/css/dd.css")).andExpect(status().isOk());
    }
}
