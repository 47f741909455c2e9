package org.ddjvm.adapters.web.api;

import java.time.Instant;

/**
 * A run as the API shows it.
 *
 * @param iteration      outer iterations done (live while it runs in this server, else as last checkpointed)
 * @param epoch          outer epoch (0-based) of the latest iteration done, 0 before the first
 * @param progress       fraction of outer iterations done, 0 to 1
 * @param lastLoss       outer loss of the latest iteration, or null
 * @param etaSeconds     estimated seconds left in the distill phase, while it runs in this server; else null
 * @param queuePosition  1 for the next run to start, while it waits in this server's queue; else null
 * @param accuracy       mean test accuracy after training on the distilled data, once evaluated; else null
 */
public record RunView(String name, String status, String dataset, String arch, String init, int ipc, int steps,
                      int epochs, String backend, long iteration, long epoch, long totalIterations, double progress,
                      Double lastLoss, Double etaSeconds, Integer queuePosition, Double accuracy,
                      Instant createdAt, Instant startedAt, Instant finishedAt, String failureReason,
                      RunSpecView spec) {
}
