package org.ddjvm.adapters.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.ddjvm.application.users.AuthenticateToken;
import org.ddjvm.application.users.PasswordHasher;
import org.ddjvm.application.users.Users;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what. The browser logs in with a form (session, CSRF-protected); scripts use HTTP basic or an API
 * token ({@code Authorization: Bearer}), which need no CSRF token. Roles: VIEWER reads, OPERATOR launches, stops,
 * resumes and deletes runs, ATTACKER handles poisoning-attack configs, ADMIN manages users. Anonymous requests to
 * the API get 401, to pages a redirect to the login page; a missing role is 403.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    /** Paths answered as an API (401/403 problem details, no login redirect). */
    static final String[] API = {"/api/**", "/v3/api-docs/**", "/actuator/**"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    PasswordHasher passwordHasher(PasswordEncoder encoder) {
        return encoder::encode;
    }

    @Bean
    UserDetailsService userDetailsService(Users users) {
        return new StoredUserDetails(users);
    }

    @Bean
    SecurityFilterChain ddSecurity(HttpSecurity http, AuthenticateToken tokens) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        RequestMatcher api = new OrRequestMatcher(java.util.Arrays.stream(API)
                .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList());
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/api/attack-configs", "/api/attack-configs/**", "/attack-configs",
                                "/attack-configs/**").hasRole("ATTACKER")
                        .requestMatchers("/api/users", "/api/users/**").hasRole("ADMIN")
                        .requestMatchers("/api/me", "/api/tokens", "/api/tokens/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/runs", "/api/runs/*/stop", "/api/runs/*/resume")
                        .hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.DELETE, "/api/runs/*").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/runs/new").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.POST, "/runs", "/runs/*/stop", "/runs/*/resume", "/runs/*/delete")
                        .hasRole("OPERATOR")
                        .anyRequest().hasRole("VIEWER"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/runs", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .httpBasic(basic -> basic.realmName("dd").authenticationEntryPoint(problems))
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::carriesCredentials))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(problems, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true)
                        .defaultAccessDeniedHandlerFor(problems, api)
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), request -> true))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; frame-ancestors 'none'")))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** Requests that carry their own credentials (basic, bearer) cannot be forged by another site. */
    private static boolean carriesCredentials(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }
}
