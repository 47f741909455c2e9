package org.ddjvm.application.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.DuplicateRunNameException;
import org.ddjvm.application.runs.NewRun;
import org.ddjvm.application.runs.ProcessOwner;
import org.ddjvm.application.runs.QueuedRun;
import org.ddjvm.application.runs.RunFilter;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.RunSpec;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.runs.UnknownRunException;
import org.ddjvm.domain.distill.DistillationConfig;

/** A {@link RunRepository} in memory, for unit tests. */
final class InMemoryRuns implements RunRepository {

    private final Map<Long, DistillationRun> runs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();
    /** Who queued each QUEUED run, and the order it was queued in. */
    private final Map<Long, ProcessOwner> queuedBy = new java.util.HashMap<>();
    private final Map<Long, Long> queuedAt = new java.util.HashMap<>();
    /** The process this repository records as queuing runs. */
    volatile ProcessOwner self = ProcessOwner.current();

    static RunSpec spec() {
        return new RunSpec(DistillationConfig.defaults("mnist"), 10, 0.1, 50);
    }

    DistillationRun record(String name) {
        return create(new NewRun(new RunName(name), spec(), "fake", 100));
    }

    @Override
    public synchronized DistillationRun create(NewRun run) {
        if (findByName(run.name()).isPresent()) {
            throw new DuplicateRunNameException(run.name());
        }
        long id = ids.incrementAndGet();
        DistillationRun created = new DistillationRun(id, run.name(), run.spec(), run.backend(), RunStatus.QUEUED,
                Instant.now(), null, null, null, 0, run.totalIterations(), null);
        runs.put(id, created);
        queued(id);
        return created;
    }

    @Override
    public Optional<DistillationRun> findById(long id) {
        return Optional.ofNullable(runs.get(id));
    }

    @Override
    public Optional<DistillationRun> findByName(RunName name) {
        return runs.values().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    @Override
    public List<DistillationRun> list(RunFilter filter) {
        return new ArrayList<>(runs.values());
    }

    @Override
    public long count(RunFilter filter) {
        return runs.size();
    }

    @Override
    public synchronized void markStatus(long id, RunStatus status, String failureReason) {
        DistillationRun r = findById(id).orElseThrow(() -> new UnknownRunException(String.valueOf(id)));
        if (status == RunStatus.QUEUED) {
            queued(id);
        }
        runs.put(id, new DistillationRun(r.id(), r.name(), r.spec(), r.backend(), status, r.createdAt(),
                r.startedAt(), r.finishedAt(), status == RunStatus.FAILED ? failureReason : null, r.iteration(),
                r.totalIterations(), r.lastLoss()));
    }

    @Override
    public void recordProgress(long id, long iteration, double loss) {
    }

    @Override
    public boolean delete(long id) {
        return runs.remove(id) != null;
    }

    @Override
    public Map<RunStatus, Long> countByStatus() {
        return new EnumMap<>(RunStatus.class);
    }

    private void queued(long id) {
        queuedBy.put(id, self);
        queuedAt.put(id, clock.incrementAndGet());
    }

    @Override
    public synchronized List<QueuedRun> queued() {
        return runs.values().stream().filter(r -> r.status() == RunStatus.QUEUED)
                .sorted(java.util.Comparator.comparing(r -> queuedAt.get(r.id())))
                .map(r -> new QueuedRun(r, Instant.EPOCH.plusMillis(queuedAt.get(r.id())), queuedBy.get(r.id())))
                .toList();
    }

    @Override
    public synchronized boolean moveStatus(long id, RunStatus from, RunStatus to) {
        DistillationRun r = runs.get(id);
        if (r == null || r.status() != from) {
            return false;
        }
        markStatus(id, to, null);
        return true;
    }

    @Override
    public synchronized boolean transferQueued(long id, ProcessOwner from, ProcessOwner to) {
        DistillationRun r = runs.get(id);
        if (r == null || r.status() != RunStatus.QUEUED || !java.util.Objects.equals(queuedBy.get(id), from)) {
            return false;
        }
        queuedBy.put(id, to);
        return true;
    }

    /** As if another process had queued the run. */
    synchronized void queuedBy(long id, ProcessOwner owner) {
        queuedBy.put(id, owner);
    }
}
