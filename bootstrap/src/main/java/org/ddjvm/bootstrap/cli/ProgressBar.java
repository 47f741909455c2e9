package org.ddjvm.bootstrap.cli;

import java.io.PrintWriter;
import org.ddjvm.application.distill.Progress;
import org.ddjvm.application.distill.ProgressListener;

/**
 * Iteration, epoch, loss, s/it and ETA on stderr: redrawn in place on a terminal, a line every
 * {@code logEverySeconds} otherwise (logs, CI).
 */
final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 24;

    private final PrintWriter out;
    private final boolean terminal;
    private final double logEverySeconds;
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintWriter out, boolean terminal, double logEverySeconds) {
        this.out = out;
        this.terminal = terminal;
        this.logEverySeconds = logEverySeconds;
    }

    @Override
    public void iterationDone(Progress p) {
        long now = System.nanoTime();
        boolean last = p.iteration() == p.totalIterations();
        double minGap = terminal ? 0.2 : logEverySeconds;
        if (!last && drawn && (now - lastDraw) / 1e9 < minGap) {
            return;
        }
        lastDraw = now;
        drawn = true;
        String line = format(p);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
            if (last) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public void phase(String name) {
        if (terminal && drawn) {
            out.println();
            drawn = false;
        }
        out.println(switch (name) {
            case "evaluate" -> "evaluating the distilled data on the test set…";
            case "baseline" -> "evaluating the random-real baseline…";
            case "export" -> "exporting…";
            case "publish" -> "publishing the result…";
            default -> name + "…";
        });
        out.flush();
    }

    static String format(Progress p) {
        double fraction = p.totalIterations() == 0 ? 1 : (double) p.iteration() / p.totalIterations();
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format("[%s%s] it %d/%d  epoch %d/%d  loss %.4f  η̄ %.4f  %.3f s/it  ETA %s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), p.iteration(), p.totalIterations(), p.epoch() + 1,
                p.outerEpochs(), p.loss(), p.meanRate(), p.secondsPerIteration(), duration(p.etaSeconds()));
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        return s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
