package org.ddjvm.application.runs;

import java.util.Optional;

/** Outbound port: the published artifact of each run (at most one per run; saving again replaces it). */
public interface ArtifactStore {

    void save(DistilledArtifact artifact);

    Optional<DistilledArtifact> find(long runId);
}
