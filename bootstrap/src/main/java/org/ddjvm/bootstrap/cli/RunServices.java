package org.ddjvm.bootstrap.cli;

import org.ddjvm.application.job.LaunchRun;
import org.ddjvm.application.job.PublishStoppedRun;
import org.ddjvm.application.job.RecoverAbandonedRuns;
import org.ddjvm.application.job.ResumeRun;
import org.ddjvm.application.job.StopRun;
import org.ddjvm.application.runs.ExportRun;
import org.ddjvm.application.runs.RunCatalog;
import org.ddjvm.application.runs.RunEvents;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The run use cases the commands need, resolved on first use: commands that never touch runs (bench, datasets)
 * don't start the database.
 */
@org.springframework.stereotype.Component
public final class RunServices {

    private final ObjectProvider<LaunchRun> launch;
    private final ObjectProvider<ResumeRun> resume;
    private final ObjectProvider<StopRun> stop;
    private final ObjectProvider<PublishStoppedRun> publishStopped;
    private final ObjectProvider<RecoverAbandonedRuns> recover;
    private final ObjectProvider<RunCatalog> catalog;
    private final ObjectProvider<ExportRun> export;
    private final ObjectProvider<RunEvents> events;
    private final ForegroundWork foreground;

    public RunServices(ObjectProvider<LaunchRun> launch, ObjectProvider<ResumeRun> resume,
                       ObjectProvider<StopRun> stop, ObjectProvider<PublishStoppedRun> publishStopped,
                       ObjectProvider<RecoverAbandonedRuns> recover, ObjectProvider<RunCatalog> catalog,
                       ObjectProvider<ExportRun> export, ObjectProvider<RunEvents> events,
                       ForegroundWork foreground) {
        this.foreground = foreground;
        this.launch = launch;
        this.resume = resume;
        this.stop = stop;
        this.publishStopped = publishStopped;
        this.recover = recover;
        this.catalog = catalog;
        this.export = export;
        this.events = events;
    }

    LaunchRun launch() {
        return launch.getObject();
    }

    ResumeRun resume() {
        return resume.getObject();
    }

    StopRun stop() {
        return stop.getObject();
    }

    PublishStoppedRun publishStopped() {
        return publishStopped.getObject();
    }

    /** Recovers runs abandoned by dead processes; every command that reads runs calls this first. */
    RunCatalog catalog() {
        recover.getObject().recover();
        return catalog.getObject();
    }

    ExportRun export() {
        return export.getObject();
    }

    ForegroundWork foreground() {
        return foreground;
    }

    RunEvents events() {
        return events.getObject();
    }
}
