package org.ddjvm.bootstrap.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.ddjvm.application.bench.BenchmarkDistillation;
import org.ddjvm.application.bench.BenchmarkResult;
import org.ddjvm.domain.tensor.HelperLanes;
import org.ddjvm.domain.tensor.TensorOps;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dd bench}: time outer iterations of a configuration and print one JSON line. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time outer iterations after warm-up; prints {\"secondsPerIteration\": median, \"min\", "
                + "\"cpuSecondsPerIteration\", \"laneCpuSecondsPerIteration\", \"iterations\", \"peakRssMb\", "
                + "\"backend\", \"lanes\"}.",
                "secondsPerIteration and min are wall time; cpuSecondsPerIteration is the median CPU time of the "
                        + "working thread, which a loaded machine inflates far less (exact with one native thread), "
                        + "and laneCpuSecondsPerIteration that of its helper lanes together.",
                "lanes: threads sharing each real batch (dd.lanes or DD_LANES; "
                        + "auto: 2 on a CPU with 2 or more cores)."})
public class BenchCommand implements Callable<Integer> {

    @Mixin
    DistillOptions method;

    @Mixin
    DataOptions data;

    @Option(names = "--iterations", defaultValue = "20", description = "timed iterations (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--warmup", defaultValue = "20",
            description = "untimed iterations first, while the JIT compiles (default: ${DEFAULT-VALUE})")
    int warmup;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ObjectProvider<TensorOps> ops;
    private final ObjectProvider<HelperLanes> lanes;

    public BenchCommand(ObjectProvider<TensorOps> ops, ObjectProvider<HelperLanes> lanes) {
        this.ops = ops;
        this.lanes = lanes;
    }

    @Override
    public Integer call() {
        if (iterations < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--iterations must be at least 1 and --warmup at least 0");
        }
        BenchmarkResult r = new BenchmarkDistillation(ops.getObject(), data.source(), lanes.getObject())
                .run(method.toConfig(), iterations, warmup);
        spec.commandLine().getOut().println(String.format(Locale.ROOT,
                "{\"secondsPerIteration\": %.5f, \"min\": %.5f, \"cpuSecondsPerIteration\": %.5f, "
                        + "\"laneCpuSecondsPerIteration\": %.5f, \"iterations\": %d, \"peakRssMb\": %.1f, "
                        + "\"backend\": \"%s\", \"lanes\": %d}",
                r.secondsPerIteration(), r.min(), r.cpuSecondsPerIteration(), r.laneCpuSecondsPerIteration(),
                r.iterations(), ProcessMemory.peakRssMb(), r.backend(), r.lanes()));
        return 0;
    }
}
