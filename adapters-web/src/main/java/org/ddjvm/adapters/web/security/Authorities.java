package org.ddjvm.adapters.web.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ddjvm.application.users.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authorities of a user's roles: {@code ROLE_<role>} for each, and VIEWER for operators and admins (who may
 * read what they act on). ATTACKER implies nothing else: poisoning configurations are a role of their own.
 */
public final class Authorities {

    private Authorities() {
    }

    public static List<GrantedAuthority> of(Set<Role> roles) {
        List<GrantedAuthority> granted = new ArrayList<>();
        for (Role role : Role.values()) {
            if (roles.contains(role) || role == Role.VIEWER
                    && (roles.contains(Role.OPERATOR) || roles.contains(Role.ADMIN))) {
                granted.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
            }
        }
        return granted;
    }
}
