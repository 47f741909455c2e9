package org.ddjvm.adapters.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.ddjvm.application.runs.DistillationMetrics;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.EvaluationKind;
import org.ddjvm.application.runs.RunStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ActuatorAndDocsTest extends WebTest {

    @Autowired
    DistillationMetrics metrics;

    @Test
    void healthAndInfoArePublic() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/info")).andExpect(status().isOk()).andExpect(jsonPath("$.app.name").value("dd"));
    }

    @Test
    void theJobsMetersShowUpInPrometheus() throws Exception {
        DistillationRun run = stored("metrics-run", RunStatus.RUNNING);
        metrics.iterationDone(run, 0.25, 1.75, new double[] {0.01, 0.03});
        metrics.evaluated(run, EvaluationKind.DISTILLED, 0.9);

        mvc.perform(get("/actuator/prometheus").with(httpBasic("viewer", PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("dd_outer_loss{run=\"metrics-run\"} 1.75"),
                        containsString("dd_rate_max{run=\"metrics-run\"} 0.03"),
                        containsString("dd_outer_iteration_seconds_count{backend=\"djl\",dataset=\"mnist\"}"),
                        containsString("dd_evaluation_accuracy{kind=\"distilled\",run=\"metrics-run\"} 0.9"),
                        containsString("dd_runs{status=\"RUNNING\"}"))));
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    }

    @Test
    void theApiIsDescribedByOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(httpBasic("viewer", PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").value(org.hamcrest.Matchers.startsWith("3.")))
                .andExpect(jsonPath("$.paths['/api/runs'].post").exists())
                .andExpect(jsonPath("$.paths['/api/runs/{name}/events'].get").exists())
                .andExpect(jsonPath("$.paths['/api/runs/{name}/history'].get.summary").value(
                        org.hamcrest.Matchers.containsString("outer-loop history")))
                .andExpect(jsonPath("$.paths['/api/runs/{name}/distilled.npz'].get").exists())
                .andExpect(jsonPath("$.paths['/api/attack-configs'].get").exists())
                .andExpect(jsonPath("$.paths['/runs']").doesNotExist())
                .andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"));
        mvc.perform(get("/swagger-ui/index.html").with(httpBasic("viewer", PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
    }
}
