package org.ddjvm.adapters.web.security;

import org.ddjvm.application.users.User;
import org.ddjvm.application.users.Users;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Users for form login and HTTP basic, from the {@link Users} port. */
final class StoredUserDetails implements UserDetailsService {

    private final Users users;

    StoredUserDetails(Users users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        User user = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return org.springframework.security.core.userdetails.User.withUsername(user.username())
                .password(user.passwordHash()).authorities(Authorities.of(user.roles())).build();
    }
}
