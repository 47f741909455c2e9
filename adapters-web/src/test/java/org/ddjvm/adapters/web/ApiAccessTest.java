package org.ddjvm.adapters.web;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Every endpoint of the API against the security rules: anonymous is 401 and the wrong role 403, both as problem
 * details; with the right role, an unknown run or config is 404. (Success and validation of each endpoint are in
 * the endpoint's own test class.)
 */
class ApiAccessTest extends WebTest {

    /**
     * One endpoint: who may call it and who may not.
     *
     * @param method    HTTP method
     * @param path      with {@code NAME} where a run or config name goes
     * @param allowed   roles that may call it
     * @param forbidden roles that may not (null: any logged-in user may)
     * @param unknown   whether a name that does not exist answers 404
     */
    record Endpoint(HttpMethod method, String path, String[] allowed, String forbidden, boolean unknown) {

        MockHttpServletRequestBuilder request(String name) {
            MockHttpServletRequestBuilder r = MockMvcRequestBuilders.request(method, path.replace("NAME", name));
            if (method == HttpMethod.POST || method == HttpMethod.PUT) {
                r.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
            return r.with(csrf());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final String[] VIEWER = {"VIEWER"};
    private static final String[] OPERATOR = {"OPERATOR", "VIEWER"};
    private static final String[] ATTACKER = {"ATTACKER"};
    private static final String[] ADMIN = {"ADMIN", "VIEWER"};

    static Stream<Endpoint> endpoints() {
        HttpMethod get = HttpMethod.GET;
        HttpMethod post = HttpMethod.POST;
        HttpMethod delete = HttpMethod.DELETE;
        return Stream.of(
                new Endpoint(get, "/api/runs", VIEWER, "ATTACKER", false),
                new Endpoint(post, "/api/runs", OPERATOR, "VIEWER", false),
                new Endpoint(get, "/api/runs/NAME", VIEWER, "ATTACKER", true),
                new Endpoint(post, "/api/runs/NAME/stop", OPERATOR, "VIEWER", true),
                new Endpoint(post, "/api/runs/NAME/resume", OPERATOR, "VIEWER", true),
                new Endpoint(delete, "/api/runs/NAME", OPERATOR, "VIEWER", true),
                new Endpoint(get, "/api/runs/NAME/evaluations", VIEWER, "ATTACKER", true),
                new Endpoint(get, "/api/runs/NAME/history", VIEWER, "ATTACKER", true),
                new Endpoint(get, "/api/runs/NAME/events", VIEWER, "ATTACKER", true),
                new Endpoint(get, "/api/runs/NAME/steps.png", VIEWER, "ATTACKER", true),
                new Endpoint(get, "/api/runs/NAME/steps/0.png", VIEWER, "ATTACKER", true),
                new Endpoint(get, "/api/runs/NAME/distilled.npz", VIEWER, "ATTACKER", true),
                new Endpoint(get, "/api/runs/NAME/summary.json", VIEWER, "ATTACKER", true),
                new Endpoint(get, "/api/runs/NAME/checkpoint/steps.png", VIEWER, "ATTACKER", true),
                new Endpoint(get, "/api/runs/NAME/checkpoint/steps/0.png", VIEWER, "ATTACKER", true),
                new Endpoint(get, "/api/datasets", VIEWER, "ATTACKER", false),
                new Endpoint(get, "/api/backends", VIEWER, "ATTACKER", false),
                new Endpoint(get, "/api/attack-configs", ATTACKER, "OPERATOR", false),
                new Endpoint(post, "/api/attack-configs", ATTACKER, "VIEWER", false),
                new Endpoint(get, "/api/attack-configs/NAME", ATTACKER, "VIEWER", true),
                new Endpoint(HttpMethod.PUT, "/api/attack-configs/NAME", ATTACKER, "OPERATOR", true),
                new Endpoint(delete, "/api/attack-configs/NAME", ATTACKER, "OPERATOR", true),
                new Endpoint(get, "/api/users", ADMIN, "OPERATOR", false),
                new Endpoint(post, "/api/users", ADMIN, "OPERATOR", false),
                new Endpoint(get, "/api/me", VIEWER, null, false),
                new Endpoint(get, "/api/tokens", VIEWER, null, false),
                new Endpoint(post, "/api/tokens", VIEWER, null, false),
                new Endpoint(delete, "/api/tokens/987654", VIEWER, null, false),
                new Endpoint(get, "/v3/api-docs", VIEWER, "ATTACKER", false),
                new Endpoint(get, "/actuator/prometheus", VIEWER, "ATTACKER", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anonymousIs401(Endpoint e) throws Exception {
        mvc.perform(e.request("access-run")).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                .andExpect(jsonPath("$.status").value(401));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void theWrongRoleIs403(Endpoint e) throws Exception {
        if (e.forbidden() == null) {
            return; // any logged-in user may
        }
        mvc.perform(e.request("access-run").with(user("someone").roles(e.forbidden())))
                .andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                .andExpect(jsonPath("$.status").value(403));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anUnknownNameIs404(Endpoint e) throws Exception {
        if (!e.unknown()) {
            return;
        }
        mvc.perform(e.request("no-such-thing").with(user("someone").roles(e.allowed())))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no-such-thing")));
    }

    @Test
    void theHtmlPagesSendAnonymousVisitorsToTheLoginPage() throws Exception {
        for (String page : List.of("/runs", "/runs/new", "/runs/some-run", "/attack-configs")) {
            mvc.perform(MockMvcRequestBuilders.get(page)).andExpect(status().isFound())
                    .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        }
    }

    @Test
    void aTokenLabelTooLongIsAProblemNamingTheField() throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/api/tokens").with(httpBasic("viewer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"" + "x".repeat(201) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("label"));
        mvc.perform(MockMvcRequestBuilders.post("/api/tokens").with(httpBasic("viewer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"lable\":\"typo\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("lable"));
    }

    @Test
    void theAdminPasswordIsReadFromDdAdminPasswordInTheEnvironment() {
        // how @Value("${dd.admin.password:}") in WebAdapterConfiguration sees the environment variable
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env",
                java.util.Map.of("DD_ADMIN_PASSWORD", "from-the-environment")));
        org.assertj.core.api.Assertions.assertThat(env.resolvePlaceholders("${dd.admin.password:}"))
                .isEqualTo("from-the-environment");
        env.getPropertySources().addFirst(new MapPropertySource("args", java.util.Map.of("dd.admin.password",
                "from-an-argument")));
        org.assertj.core.api.Assertions.assertThat(env.resolvePlaceholders("${dd.admin.password:}"))
                .isEqualTo("from-an-argument");
    }
}
