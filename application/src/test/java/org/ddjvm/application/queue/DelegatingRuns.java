package org.ddjvm.application.queue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.NewRun;
import org.ddjvm.application.runs.ProcessOwner;
import org.ddjvm.application.runs.QueuedRun;
import org.ddjvm.application.runs.RunFilter;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.RunStatus;

/** A {@link RunRepository} passing every call on, for tests that change one of them. */
class DelegatingRuns implements RunRepository {

    final RunRepository delegate;

    DelegatingRuns(RunRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public DistillationRun create(NewRun run) {
        return delegate.create(run);
    }

    @Override
    public Optional<DistillationRun> findById(long id) {
        return delegate.findById(id);
    }

    @Override
    public Optional<DistillationRun> findByName(RunName name) {
        return delegate.findByName(name);
    }

    @Override
    public List<DistillationRun> list(RunFilter filter) {
        return delegate.list(filter);
    }

    @Override
    public long count(RunFilter filter) {
        return delegate.count(filter);
    }

    @Override
    public void markStatus(long id, RunStatus status, String failureReason) {
        delegate.markStatus(id, status, failureReason);
    }

    @Override
    public List<QueuedRun> queued() {
        return delegate.queued();
    }

    @Override
    public boolean moveStatus(long id, RunStatus from, RunStatus to) {
        return delegate.moveStatus(id, from, to);
    }

    @Override
    public boolean transferQueued(long id, ProcessOwner from, ProcessOwner to) {
        return delegate.transferQueued(id, from, to);
    }

    @Override
    public void recordProgress(long id, long iteration, double loss) {
        delegate.recordProgress(id, iteration, loss);
    }

    @Override
    public boolean delete(long id) {
        return delegate.delete(id);
    }

    @Override
    public Map<RunStatus, Long> countByStatus() {
        return delegate.countByStatus();
    }
}
