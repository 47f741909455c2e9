package org.ddjvm.adapters.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

class EnvironmentApiTest extends WebTest {

    @Test
    void datasetsWithTheStateOfTheirFiles() throws Exception {
        mvc.perform(get("/api/datasets").with(RunsApiTest.VIEWER)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("mnist"))
                .andExpect(jsonPath("$[0].classes.length()").value(10))
                .andExpect(jsonPath("$[0].height").value(28))
                .andExpect(jsonPath("$[0].verified").value(true))
                .andExpect(jsonPath("$[1].name").value("fashion-mnist"))
                .andExpect(jsonPath("$[1].present").value(false));
    }

    @Test
    void backendsWithTheActiveOne() throws Exception {
        mvc.perform(get("/api/backends").with(RunsApiTest.VIEWER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value("djl"))
                .andExpect(jsonPath("$.backends[0].name").value("djl"))
                .andExpect(jsonPath("$.backends[0].active").value(true))
                .andExpect(jsonPath("$.backends[1].name").value("dl4j"))
                .andExpect(jsonPath("$.backends[1].active").value(false));
    }

    @Test
    void anonymousIs401() throws Exception {
        mvc.perform(get("/api/datasets")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/backends")).andExpect(status().isUnauthorized());
    }
}
