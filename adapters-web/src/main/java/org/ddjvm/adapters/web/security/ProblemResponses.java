package org.ddjvm.adapters.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API's answers to unauthenticated (401, with the Basic and Bearer challenges) and forbidden (403) requests,
 * as RFC 9457 problem details. Requests from the dashboard's scripts (event streams, htmx) get no Basic challenge,
 * so the browser shows no password dialog when a session ends.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (!fromDashboardScript(request)) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"dd\"");
        }
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dd\"");
        write(request, response, HttpStatus.UNAUTHORIZED,
                "authentication required: log in, or send HTTP basic credentials or an API token"
                        + " (Authorization: Bearer <token>)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException && anonymous()) {
            // an anonymous request without a CSRF token: what it lacks is authentication
            commence(request, response, new InsufficientAuthenticationException("authentication required"));
            return;
        }
        write(request, response, HttpStatus.FORBIDDEN, "your roles do not allow this");
    }

    private static boolean anonymous() {
        Authentication authentication = SecurityContextHolder.getContextHolderStrategy().getContext()
                .getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated();
    }

    private static boolean fromDashboardScript(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.getHeader("HX-Request") != null || request.getHeader("X-Requested-With") != null
                || accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE);
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                              String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String body = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\",\"instance\":\"" + escape(request.getRequestURI())
                + "\"}";
        response.getWriter().write(body);
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
