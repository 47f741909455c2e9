package org.ddjvm.application.job;

import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunMaterials;
import org.ddjvm.application.runs.RunMaterialsLoader;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.UnknownRunException;
import org.springframework.batch.core.scope.context.ChunkContext;

/** The run a step executes, and its materials. */
final class RunLookup {

    private final RunRepository runs;
    private final RunMaterialsLoader loader;

    RunLookup(RunRepository runs, RunMaterialsLoader loader) {
        this.runs = runs;
        this.loader = loader;
    }

    DistillationRun run(ChunkContext context) {
        long id = JobKeys.runId(context);
        return runs.findById(id).orElseThrow(() -> new UnknownRunException("#" + id));
    }

    RunMaterials materials(ChunkContext context) {
        return loader.load(run(context));
    }
}
