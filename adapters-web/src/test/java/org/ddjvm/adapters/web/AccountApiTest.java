package org.ddjvm.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.ddjvm.application.users.Role;
import org.ddjvm.application.users.TokenHash;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AccountApiTest extends WebTest {

    @Test
    void aTokenCreatedWithBasicAuthWorksAsBearerUntilRevoked() throws Exception {
        String json = mvc.perform(post("/api/tokens").with(httpBasic("operator", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"ci\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").value(startsWith("dd_")))
                .andExpect(jsonPath("$.label").value("ci"))
                .andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(json, "$.token");
        int id = JsonPath.read(json, "$.id");
        assertThat(accounts.findByHash(TokenHash.of(token))).isPresent();

        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("operator"))
                .andExpect(jsonPath("$.roles").value(hasItem("OPERATOR")))
                .andExpect(jsonPath("$.roles").value(hasItem("VIEWER")));
        // a bearer request needs no CSRF token
        mvc.perform(post("/api/runs").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"token-launch\"}"))
                .andExpect(status().isAccepted());
        mvc.perform(get("/api/tokens").header("Authorization", "Bearer " + token)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].label").value(hasItem("ci")))
                .andExpect(jsonPath("$[0].token").doesNotExist());

        mvc.perform(delete("/api/tokens/" + id).header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/tokens/" + id).with(httpBasic("operator", PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aWrongTokenIs401AndAViewersTokenCannotLaunch() throws Exception {
        mvc.perform(get("/api/runs").header("Authorization", "Bearer dd_nonsense")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        String json = mvc.perform(post("/api/tokens").with(httpBasic("viewer", PASSWORD)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(json, "$.token");
        mvc.perform(get("/api/runs").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(post("/api/runs").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
    }

    @Test
    void tokensNeedALoggedInUser() throws Exception {
        mvc.perform(post("/api/tokens")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me")).andExpect(status().isUnauthorized());
    }

    @Test
    void theAdminCreatesUsersAndOthersMayNot() throws Exception {
        mvc.perform(post("/api/users").with(httpBasic("admin", "admin-password-1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"carol\",\"password\":\"carol-password\",\"roles\":[\"viewer\","
                                + "\"attacker\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value("carol"))
                .andExpect(jsonPath("$.roles").value(hasItem("ATTACKER")))
                .andExpect(jsonPath("$.password").doesNotExist());
        assertThat(accounts.findByUsername("carol").orElseThrow().roles()).containsOnly(Role.VIEWER, Role.ATTACKER);
        assertThat(accounts.findByUsername("carol").orElseThrow().passwordHash()).startsWith("{bcrypt}");
        mvc.perform(get("/api/attack-configs").with(httpBasic("carol", "carol-password"))).andExpect(status().isOk());

        mvc.perform(get("/api/users").with(httpBasic("admin", "admin-password-1"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username").value(hasItem("carol")));
        mvc.perform(post("/api/users").with(httpBasic("admin", "admin-password-1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"carol\",\"password\":\"another-one\",\"roles\":[\"VIEWER\"]}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("username"));
        mvc.perform(post("/api/users").with(httpBasic("admin", "admin-password-1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"dave\",\"password\":\"short\",\"roles\":[\"VIEWER\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("password"));
        mvc.perform(post("/api/users").with(httpBasic("admin", "admin-password-1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"dave\",\"password\":\"long-enough\",\"roles\":[\"ROOT\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("roles"));
        mvc.perform(get("/api/users").with(httpBasic("operator", PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/api/users")).andExpect(status().isUnauthorized());
    }
}
