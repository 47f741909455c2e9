package org.ddjvm.adapters.web.live;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunEvent;
import org.ddjvm.application.runs.RunEvents;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of one run. On connect: {@code status} (the run's status now) and {@code history} (the
 * iterations seen by this process); then, as they happen, {@code iteration} (loss, rates, epoch, ETA),
 * {@code status}, {@code phase} and {@code checkpoint}. The stream ends after a final status (STOPPED, COMPLETED,
 * FAILED). Events are sent from a small pool of sender threads, never from the run's own thread, so a slow client
 * cannot slow a distillation: when a client lags more than {@value #MAX_PENDING} events, iterations are dropped.
 */
public final class RunEventStreams implements AutoCloseable {

    public static final long TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(30);
    public static final int MAX_PENDING = 500;
    static final long HEARTBEAT_SECONDS = 15;

    private final RunEvents events;
    private final LiveProgress live;
    private final ExecutorService senders = Executors.newFixedThreadPool(2, daemon("dd-sse"));
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            daemon("dd-sse-heartbeat"));
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();

    /** The status event's data. */
    public record StatusData(String status, String reason) {
    }

    /** The phase event's data. */
    public record PhaseData(String phase) {
    }

    /** The checkpoint event's data. */
    public record CheckpointData(long iteration) {
    }

    public RunEventStreams(RunEvents events, LiveProgress live) {
        this.events = events;
        this.live = live;
        heartbeats.scheduleAtFixedRate(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /** Opens the event stream of a run as it is now. */
    public SseEmitter open(DistillationRun run) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        Stream stream = new Stream(run.id(), emitter);
        // subscribe before reading the history: a point may come twice (clients keep the newest per iteration),
        // none is lost
        stream.subscription = events.subscribe(stream::accept);
        // status and history are sent before the emitter is handed back: it holds them and writes them on the
        // request's own thread when Spring initialises it. Sending them from a sender thread instead raced with
        // the request thread, which still writes response headers (security filters) after the handler returns.
        // Live events wait in the queue until then.
        try {
            emitter.send(SseEmitter.event().name("status")
                    .data(new StatusData(run.status().name(), run.failureReason()), MediaType.APPLICATION_JSON));
            emitter.send(SseEmitter.event().name("history").data(live.history(run.id()),
                    MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            stream.close();
            emitter.completeWithError(e);
            return emitter;
        }
        if (run.status().finished()) {
            stream.close();
            emitter.complete();
            return emitter;
        }
        open.add(stream);
        emitter.onCompletion(stream::close);
        emitter.onTimeout(stream::close);
        emitter.onError(e -> stream.close());
        stream.started = true;
        if (!stream.pending.isEmpty()) {
            stream.schedule();
        }
        return emitter;
    }

    /** Streams open now. */
    public int openStreams() {
        return open.size();
    }

    private void heartbeat() {
        for (Stream stream : open) {
            stream.offer(SseEmitter.event().comment("keep-alive"), false);
        }
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        for (Stream stream : open) {
            stream.emitter.complete();
            stream.close();
        }
        senders.shutdownNow();
    }

    private final class Stream {
        final long runId;
        final SseEmitter emitter;
        final LinkedBlockingDeque<SseEmitter.SseEventBuilder> pending = new LinkedBlockingDeque<>();
        final AtomicInteger size = new AtomicInteger();
        final AtomicBoolean scheduled = new AtomicBoolean();
        final AtomicBoolean finishing = new AtomicBoolean();
        final AtomicBoolean closed = new AtomicBoolean();
        volatile AutoCloseable subscription;
        /** False until the stream's first events are with the emitter; live events only queue until then. */
        volatile boolean started;

        Stream(long runId, SseEmitter emitter) {
            this.runId = runId;
            this.emitter = emitter;
        }

        void accept(RunEvent event) {
            if (event.runId() != runId || closed.get()) {
                return;
            }
            if (event instanceof RunEvent.Iteration it) {
                offer(SseEmitter.event().name("iteration")
                        .data(ProgressPoint.of(it.progress(), it.rates()), MediaType.APPLICATION_JSON), true);
            } else if (event instanceof RunEvent.StatusChanged s) {
                offer(SseEmitter.event().name("status")
                        .data(new StatusData(s.status().name(), s.reason()), MediaType.APPLICATION_JSON), false);
                if (s.status().finished()) {
                    finishing.set(true);
                }
            } else if (event instanceof RunEvent.PhaseStarted p) {
                offer(SseEmitter.event().name("phase").data(new PhaseData(p.phase()), MediaType.APPLICATION_JSON),
                        false);
            } else if (event instanceof RunEvent.CheckpointSaved c) {
                offer(SseEmitter.event().name("checkpoint")
                        .data(new CheckpointData(c.iteration()), MediaType.APPLICATION_JSON), false);
            }
            schedule();
        }

        void offer(SseEmitter.SseEventBuilder event, boolean droppable) {
            if (droppable && size.get() >= MAX_PENDING) {
                return;
            }
            pending.add(event);
            size.incrementAndGet();
            schedule();
        }

        void schedule() {
            if (started && !closed.get() && scheduled.compareAndSet(false, true)) {
                try {
                    senders.execute(this::drain);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    close();
                }
            }
        }

        private void drain() {
            try {
                SseEmitter.SseEventBuilder next;
                while (!closed.get() && (next = pending.poll()) != null) {
                    size.decrementAndGet();
                    emitter.send(next);
                }
                if (finishing.get() && pending.isEmpty() && !closed.get()) {
                    emitter.complete();
                    close();
                }
            } catch (IOException | IllegalStateException e) {
                close(); // the client went away
            } finally {
                scheduled.set(false);
            }
            if (!pending.isEmpty() && !closed.get()) {
                schedule();
            }
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                open.remove(this);
                pending.clear();
                try {
                    if (subscription != null) {
                        subscription.close();
                    }
                } catch (Exception ignored) {
                    // unsubscribing cannot fail
                }
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
