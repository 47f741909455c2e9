package org.ddjvm.adapters.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ddjvm.application.users.CreateUser;
import org.ddjvm.application.users.Role;
import org.ddjvm.application.users.User;
import org.ddjvm.application.users.Users;
import org.ddjvm.domain.distill.InvalidConfigException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Users (role ADMIN): list and create. */
@RestController
@RequestMapping("/api/users")
@Tag(name = "users", description = "user management (role ADMIN)")
public class UsersController {

    private final Users users;
    private final CreateUser create;

    public UsersController(Users users, CreateUser create) {
        this.users = users;
        this.create = create;
    }

    /** A user to create; roles from VIEWER, OPERATOR, ATTACKER, ADMIN. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record UserRequest(String username, String password, List<String> roles) {
    }

    /** A user, without the password. */
    public record UserView(String username, List<String> roles, Instant createdAt) {
        static UserView of(User u) {
            return new UserView(u.username(), u.roles().stream().sorted().map(Role::name).toList(), u.createdAt());
        }
    }

    @GetMapping
    @Operation(summary = "all users")
    public List<UserView> list() {
        return users.list().stream().map(UserView::of).toList();
    }

    @PostMapping
    @Operation(summary = "create a user", description = "400 naming username, password (8-200 characters) or "
            + "roles; 409 when the username is taken")
    public ResponseEntity<UserView> create(@RequestBody UserRequest request) {
        User user = create.create(request.username(), request.password(), roles(request.roles()));
        return ResponseEntity.created(URI.create("/api/users/" + user.username())).body(UserView.of(user));
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String name : names) {
                try {
                    roles.add(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (RuntimeException e) {
                    throw new InvalidConfigException("roles", name, "must be VIEWER, OPERATOR, ATTACKER or ADMIN");
                }
            }
        }
        return roles;
    }
}
