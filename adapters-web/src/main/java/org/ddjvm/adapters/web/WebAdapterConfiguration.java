package org.ddjvm.adapters.web;

import java.security.SecureRandom;
import org.ddjvm.adapters.web.api.AccountController;
import org.ddjvm.adapters.web.api.ApiProblems;
import org.ddjvm.adapters.web.api.AttackConfigsController;
import org.ddjvm.adapters.web.api.EnvironmentController;
import org.ddjvm.adapters.web.api.RunArtifactsController;
import org.ddjvm.adapters.web.api.RunEventsController;
import org.ddjvm.adapters.web.api.RunViews;
import org.ddjvm.adapters.web.api.RunsController;
import org.ddjvm.adapters.web.api.UsersController;
import org.ddjvm.adapters.web.dashboard.AttackConfigsPage;
import org.ddjvm.adapters.web.dashboard.DashboardModel;
import org.ddjvm.adapters.web.dashboard.LoginPage;
import org.ddjvm.adapters.web.dashboard.NewRunPage;
import org.ddjvm.adapters.web.dashboard.RunDetailPage;
import org.ddjvm.adapters.web.dashboard.RunListPage;
import org.ddjvm.adapters.web.images.ArtifactImages;
import org.ddjvm.adapters.web.images.CheckpointImages;
import org.ddjvm.adapters.web.live.LiveProgress;
import org.ddjvm.adapters.web.live.RunEventStreams;
import org.ddjvm.adapters.web.security.SecurityConfiguration;
import org.ddjvm.application.queue.RunQueue;
import org.ddjvm.application.runs.CheckpointStore;
import org.ddjvm.application.runs.RunCatalog;
import org.ddjvm.application.runs.RunEvents;
import org.ddjvm.application.users.ApiTokens;
import org.ddjvm.application.users.AuthenticateToken;
import org.ddjvm.application.users.CreateFirstAdmin;
import org.ddjvm.application.users.CreateUser;
import org.ddjvm.application.users.IssueApiToken;
import org.ddjvm.application.users.PasswordHasher;
import org.ddjvm.application.users.RevokeApiToken;
import org.ddjvm.application.users.Users;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.PropertySource;

/**
 * The REST API, the dashboard and security on the application's use cases and ports (no run queue: see
 * {@link RunQueueConfiguration}). Defaults (actuator exposure, springdoc paths) come from
 * {@code web-defaults.properties}, below every other property source.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:org/ddjvm/adapters/web/web-defaults.properties")
@Import({SecurityConfiguration.class, OpenApiConfiguration.class, ApiProblems.class, RunsController.class,
        RunEventsController.class, RunArtifactsController.class, EnvironmentController.class,
        AttackConfigsController.class, AccountController.class, UsersController.class, DashboardModel.class,
        LoginPage.class, RunListPage.class, NewRunPage.class, RunDetailPage.class, AttackConfigsPage.class})
public class WebAdapterConfiguration {

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Bean
    CreateUser createUser(Users users, PasswordHasher hasher) {
        return new CreateUser(users, hasher);
    }

    @Bean
    IssueApiToken issueApiToken(ApiTokens tokens, SecureRandom random) {
        return new IssueApiToken(tokens, random);
    }

    @Bean
    AuthenticateToken authenticateToken(ApiTokens tokens, Users users) {
        return new AuthenticateToken(tokens, users);
    }

    @Bean
    RevokeApiToken revokeApiToken(ApiTokens tokens) {
        return new RevokeApiToken(tokens);
    }

    @Bean
    CreateFirstAdmin createFirstAdmin(Users users, PasswordHasher hasher, SecureRandom random,
                                      @Value("${dd.admin.password:}") String password) {
        return new CreateFirstAdmin(users, hasher, password, line -> {
            System.out.println(line);
            System.out.flush();
        }, random);
    }

    /** On first start (no users yet) creates the admin; see {@link CreateFirstAdmin}. */
    @Bean
    @Lazy(false)
    ApplicationListener<ApplicationReadyEvent> createFirstAdminOnStart(ObjectProvider<CreateFirstAdmin> admin) {
        return event -> admin.getObject().ensureAdmin();
    }

    /** Recent progress of every run, kept from the start so a newly opened run page can draw its curve. */
    @Bean(destroyMethod = "close")
    @Lazy(false)
    LiveProgress liveProgress(RunEvents events) {
        return new LiveProgress(events);
    }

    @Bean(destroyMethod = "close")
    RunEventStreams runEventStreams(RunEvents events, LiveProgress live) {
        return new RunEventStreams(events, live);
    }

    @Bean
    CheckpointImages checkpointImages(CheckpointStore checkpoints) {
        return new CheckpointImages(checkpoints);
    }

    @Bean
    ArtifactImages artifactImages() {
        return new ArtifactImages();
    }

    @Bean
    RunViews runViews(RunCatalog catalog, RunQueue queue, LiveProgress live) {
        return new RunViews(catalog, queue, live);
    }
}
