package org.ddjvm.adapters.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The web adapter as the host application imports it: the REST API, the dashboard and security
 * ({@link WebAdapterConfiguration}), and the run queue on the job's use cases ({@link RunQueueConfiguration}).
 *
 * <p>The host provides, as beans: {@code RunRepository}, {@code CheckpointStore}, {@code ArtifactStore},
 * {@code RunCatalog}, {@code ExportRun}, {@code RunEvents}, {@code StopRequests}, {@code LaunchRun},
 * {@code ResumeRun}, {@code StopRun}, {@code PublishStoppedRun}, {@code RecoverAbandonedRuns}, Spring Batch's
 * {@code JobRepository}, {@code AttackConfigs}, {@code Users}, {@code ApiTokens}, a {@code DatasetSource} and a
 * {@link BackendCatalog}.
 *
 * <p>Only in a servlet web application ({@code spring.main.web-application-type=servlet}): imported into a
 * command-line context it adds nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({WebAdapterConfiguration.class, RunQueueConfiguration.class})
public class WebConfiguration {
}
