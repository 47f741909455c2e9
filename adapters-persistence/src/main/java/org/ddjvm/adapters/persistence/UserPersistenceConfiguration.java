package org.ddjvm.adapters.persistence;

import org.ddjvm.application.users.ApiTokens;
import org.ddjvm.application.users.Users;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The users and API tokens of the web application, on the same database as the runs. */
@Configuration(proxyBeanMethods = false)
public class UserPersistenceConfiguration {

    @Bean
    public Users users(Database database) {
        return new JdbcUsers(database);
    }

    @Bean
    public ApiTokens apiTokens(Database database) {
        return new JdbcApiTokens(database);
    }
}
