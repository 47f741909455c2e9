package org.ddjvm.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.ddjvm.application.users.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

class SecurityTest extends WebTest {

    @Test
    void theFirstAdminIsCreatedWithTheConfiguredPasswordStoredHashed() throws Exception {
        var admin = accounts.findByUsername("admin").orElseThrow();
        assertThat(admin.roles()).containsExactlyInAnyOrder(Role.values());
        assertThat(admin.passwordHash()).startsWith("{bcrypt}").doesNotContain("admin-password-1");
        mvc.perform(get("/api/me").with(httpBasic("admin", "admin-password-1"))).andExpect(status().isOk());
    }

    @Test
    void anonymousPagesRedirectToLoginAndTheApiAnswers401() throws Exception {
        mvc.perform(get("/runs")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/runs")).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                .andExpect(header().stringValues("WWW-Authenticate", hasItem(startsWith("Basic"))))
                .andExpect(header().stringValues("WWW-Authenticate", hasItem(startsWith("Bearer"))));
        // the dashboard's scripts get no Basic challenge (no browser password dialog)
        mvc.perform(get("/api/runs/x/events").accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(status().isUnauthorized())
                .andExpect(header().stringValues("WWW-Authenticate", org.hamcrest.Matchers.not(
                        hasItem(startsWith("Basic")))));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void httpBasicChecksThePassword() throws Exception {
        mvc.perform(get("/api/runs").with(httpBasic("viewer", PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/runs").with(httpBasic("viewer", "wrong-password"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/runs").with(httpBasic("nobody", PASSWORD))).andExpect(status().isUnauthorized());
        // basic requests carry their credentials: no CSRF token needed
        mvc.perform(post("/api/runs").with(httpBasic("operator", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"basic-launch\"}")).andExpect(status().isAccepted());
    }

    @Test
    void formLoginNeedsTheCsrfTokenAndOpensASession() throws Exception {
        mvc.perform(post("/login").param("username", "operator").param("password", PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", "operator").param("password", "wrong").with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login?error"));

        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").param("username", "operator")
                        .param("password", PASSWORD).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/runs"))
                .andReturn().getRequest().getSession(false);

        mvc.perform(get("/runs").session(session)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("operator")));
        mvc.perform(get("/api/runs").session(session)).andExpect(status().isOk());
        // with the session cookie alone, a state change needs the CSRF token
        mvc.perform(post("/api/runs").session(session).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"session-launch\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/runs/session-launch/stop").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/api/runs").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"session-launch\"}")).andExpect(status().isAccepted());
        mvc.perform(post("/logout").session(session).with(csrf()).accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/api/runs").session(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void theLoginPageCarriesACsrfToken() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("name=\"_csrf\"")));
    }
}
