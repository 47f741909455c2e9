package org.ddjvm.adapters.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.ddjvm.application.users.ApiToken;
import org.ddjvm.application.users.ApiTokens;
import org.ddjvm.application.users.IssueApiToken;
import org.ddjvm.application.users.IssuedToken;
import org.ddjvm.application.users.RevokeApiToken;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account: who they are, and their API tokens. */
@RestController
@Tag(name = "account", description = "the caller and their API tokens")
public class AccountController {

    private final IssueApiToken issue;
    private final RevokeApiToken revoke;
    private final ApiTokens tokens;

    public AccountController(IssueApiToken issue, RevokeApiToken revoke, ApiTokens tokens) {
        this.issue = issue;
        this.revoke = revoke;
        this.tokens = tokens;
    }

    /** The caller and their roles. */
    public record MeView(String username, List<String> roles) {
    }

    /** A token to create; the label says where it is used. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record TokenRequest(String label) {
    }

    /** A token without its secret. */
    public record TokenView(long id, String label, Instant createdAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.label(), t.createdAt());
        }
    }

    /** A token just created: {@code token} is shown only in this answer. */
    public record IssuedTokenView(long id, String label, Instant createdAt, String token) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "who the caller is")
    public MeView me(Authentication authentication) {
        return new MeView(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length())).sorted().toList());
    }

    @PostMapping("/api/tokens")
    @Operation(summary = "create an API token for the caller", description = "Use it as Authorization: Bearer "
            + "<token>. The token is in this answer only; the server keeps its SHA-256.")
    public ResponseEntity<IssuedTokenView> create(@RequestBody(required = false) TokenRequest request,
                                                  Principal user) {
        IssuedToken issued = issue.issue(user.getName(), request == null ? null : request.label());
        ApiToken t = issued.token();
        return ResponseEntity.created(URI.create("/api/tokens/" + t.id()))
                .body(new IssuedTokenView(t.id(), t.label(), t.createdAt(), issued.plaintext()));
    }

    @GetMapping("/api/tokens")
    @Operation(summary = "the caller's API tokens (without their secrets)")
    public List<TokenView> list(Principal user) {
        return tokens.ofUser(user.getName()).stream().map(TokenView::of).toList();
    }

    @DeleteMapping("/api/tokens/{id}")
    @Operation(summary = "revoke one of the caller's API tokens")
    public ResponseEntity<Void> revoke(@PathVariable long id, Principal user) {
        if (!revoke.revoke(user.getName(), id)) {
            throw new NotFoundException("you have no API token " + id);
        }
        return ResponseEntity.noContent().build();
    }
}
