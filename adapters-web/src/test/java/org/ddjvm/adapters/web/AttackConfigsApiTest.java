package org.ddjvm.adapters.web;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class AttackConfigsApiTest extends WebTest {

    static final RequestPostProcessor ATTACKER = user("attacker").roles("ATTACKER");

    private ResultActions create(String json) throws Exception {
        return mvc.perform(post("/api/attack-configs").with(ATTACKER).with(RunsApiTest.csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void createReadListDelete() throws Exception {
        create("{\"name\":\"zero-to-one\",\"dataset\":\"mnist\",\"attackedClass\":0,\"targetClass\":1,"
                + "\"notes\":\"the paper's attack\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/attack-configs/zero-to-one"))
                .andExpect(jsonPath("$.createdBy").value("attacker"));
        mvc.perform(get("/api/attack-configs/zero-to-one").with(ATTACKER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.targetClass").value(1))
                .andExpect(jsonPath("$.notes").value("the paper's attack"));
        mvc.perform(get("/api/attack-configs").with(ATTACKER)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name").value(hasItem("zero-to-one")));
        mvc.perform(delete("/api/attack-configs/zero-to-one").with(ATTACKER).with(RunsApiTest.csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/attack-configs/zero-to-one").with(ATTACKER)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/attack-configs/zero-to-one").with(ATTACKER).with(RunsApiTest.csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void updateReplacesWhatTheAttackIsAndKeepsItsNameAndCreator() throws Exception {
        create("{\"name\":\"to-update\",\"dataset\":\"mnist\",\"attackedClass\":0,\"targetClass\":1}")
                .andExpect(status().isCreated());

        mvc.perform(put("/api/attack-configs/to-update").with(ATTACKER).with(RunsApiTest.csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dataset\":\"mnist\",\"attackedClass\":7,\"targetClass\":1,\"notes\":\"sevens\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("to-update"))
                .andExpect(jsonPath("$.attackedClass").value(7))
                .andExpect(jsonPath("$.notes").value("sevens"))
                .andExpect(jsonPath("$.createdBy").value("attacker"));
        mvc.perform(get("/api/attack-configs/to-update").with(ATTACKER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.attackedClass").value(7));

        mvc.perform(put("/api/attack-configs/to-update").with(ATTACKER).with(RunsApiTest.csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dataset\":\"mnist\",\"attackedClass\":1,\"targetClass\":1}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("targetClass"));
        mvc.perform(put("/api/attack-configs/to-update").with(ATTACKER).with(RunsApiTest.csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"renamed\",\"dataset\":\"mnist\",\"attackedClass\":2,\"targetClass\":1}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("name"));
        mvc.perform(put("/api/attack-configs/to-update").with(ATTACKER).with(RunsApiTest.csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"attackedClass\":\"seven\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("attackedClass"));
        mvc.perform(put("/api/attack-configs/nope").with(ATTACKER).with(RunsApiTest.csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dataset\":\"mnist\",\"attackedClass\":2,\"targetClass\":1}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/attack-configs/to-update").with(ATTACKER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.attackedClass").value(7));
    }

    @Test
    void validationNamesTheField() throws Exception {
        create("{\"name\":\"same\",\"dataset\":\"mnist\",\"attackedClass\":3,\"targetClass\":3}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("targetClass"));
        create("{\"name\":\"big\",\"dataset\":\"mnist\",\"attackedClass\":10,\"targetClass\":3}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("attackedClass"));
        create("{\"name\":\"x\",\"dataset\":\"cifar\",\"attackedClass\":1,\"targetClass\":3}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("dataset"));
        create("{\"dataset\":\"mnist\",\"attackedClass\":1,\"targetClass\":3}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("name"));
        create("{\"name\":\"dup\",\"dataset\":\"mnist\",\"attackedClass\":1,\"targetClass\":3}")
                .andExpect(status().isCreated());
        create("{\"name\":\"dup\",\"dataset\":\"mnist\",\"attackedClass\":1,\"targetClass\":3}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("name"));
    }

    @Test
    void onlyAttackersMayTouchThem() throws Exception {
        mvc.perform(get("/api/attack-configs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/attack-configs").with(RunsApiTest.VIEWER)).andExpect(status().isForbidden());
        mvc.perform(get("/api/attack-configs").with(RunsApiTest.OPERATOR)).andExpect(status().isForbidden());
        mvc.perform(post("/api/attack-configs").with(RunsApiTest.OPERATOR).with(RunsApiTest.csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
    }
}
