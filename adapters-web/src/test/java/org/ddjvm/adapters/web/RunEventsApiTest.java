package org.ddjvm.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.ddjvm.application.distill.Progress;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunEvent;
import org.ddjvm.application.runs.RunStatus;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

class RunEventsApiTest extends WebTest {

    @Test
    void streamsTheRunsEventsAndEndsAfterAFinalStatus() throws Exception {
        DistillationRun run = stored("sse-run", RunStatus.RUNNING);
        DistillationRun other = stored("sse-other", RunStatus.RUNNING);
        events.publish(new RunEvent.Iteration(run.id(), new Progress(1, 118, 0, 2, 2.5, 0.2, 23.4, 0.02),
                new double[] {0.02, 0.021}));

        MvcResult result = mvc.perform(get("/api/runs/sse-run/events").with(RunsApiTest.VIEWER)
                        .accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(request().asyncStarted()).andReturn();
        MockHttpServletResponse response = result.getResponse();
        await(() -> body(response).contains("event:history"));

        events.publish(new RunEvent.Iteration(run.id(), new Progress(2, 118, 0, 2, 2.25, 0.2, 23.2, 0.0205),
                new double[] {0.0203, 0.0207}));
        events.publish(new RunEvent.Iteration(other.id(), new Progress(9, 118, 0, 2, 9.99, 0.2, 1, 0.1),
                new double[] {0.1, 0.1}));
        events.publish(new RunEvent.CheckpointSaved(run.id(), 2));
        events.publish(new RunEvent.PhaseStarted(run.id(), "evaluate"));
        events.publish(new RunEvent.StatusChanged(run.id(), RunStatus.COMPLETED, null));
        await(() -> body(response).contains("COMPLETED"));

        String body = body(response);
        assertThat(body).startsWith("event:status\ndata:{\"status\":\"RUNNING\"");
        assertThat(body).contains("event:history\ndata:[{\"iteration\":1,\"totalIterations\":118");
        assertThat(body).contains("event:iteration\ndata:{\"iteration\":2,\"totalIterations\":118,\"epoch\":0,"
                + "\"outerEpochs\":2,\"loss\":2.25,\"secondsPerIteration\":0.2,\"etaSeconds\":23.2,"
                + "\"meanRate\":0.0205,\"rates\":[0.0203,0.0207]}");
        assertThat(body).contains("event:checkpoint\ndata:{\"iteration\":2}");
        assertThat(body).contains("event:phase\ndata:{\"phase\":\"evaluate\"}");
        assertThat(body).contains("event:status\ndata:{\"status\":\"COMPLETED\",\"reason\":null}");
        assertThat(body).doesNotContain("9.99");
        await(() -> result.getRequest().getAsyncContext() == null || response.isCommitted());
    }

    @Test
    void aFinishedRunSendsItsStatusAndEnds() throws Exception {
        stored("sse-done", RunStatus.FAILED);
        MvcResult result = mvc.perform(get("/api/runs/sse-done/events").with(RunsApiTest.VIEWER))
                .andExpect(request().asyncStarted()).andReturn();
        await(() -> body(result.getResponse()).contains("event:history"));
        assertThat(body(result.getResponse())).contains("\"status\":\"FAILED\",\"reason\":\"boom\"");
    }

    @Test
    void unknownRunsAre404AndAnonymousIs401() throws Exception {
        mvc.perform(get("/api/runs/nope/events").with(RunsApiTest.VIEWER)).andExpect(status().isNotFound());
        mvc.perform(get("/api/runs/nope/events").accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(status().isUnauthorized());
    }

    private static String body(MockHttpServletResponse response) {
        try {
            return response.getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new AssertionError(e);
        }
    }
}
