package org.ddjvm.adapters.dl4j;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.bytedeco.javacpp.Pointer;
import org.ddjvm.domain.distill.OneHot;
import org.ddjvm.domain.distill.XavierInitialization;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.nn.Network;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorScope;
import org.ddjvm.domain.trainer.ForwardOverReverseTrainer;
import org.ddjvm.domain.trainer.Linearization;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Throwaway diagnosis, not a test (surefire never runs it): where ND4J's native memory goes. It reads the resident
 * set (/proc/self/status), JavaCPP's counters, glibc's heap through {@code mallinfo2} (JNA, which ND4J brings in
 * through oshi) and the workspaces. Run it like {@link OuterIterationBench}, with {@code ./dd}'s MALLOC_* settings:
 * <pre>
 * NativeMemoryProbe KERNEL FLOAT|DOUBLE BATCH ITERATIONS REPORT_EVERY [COLLECT_EVERY [TRIM_EVERY]]
 *     one kernel in a workspace per iteration (conv1, conv2, conv1-igrad, conv2-igrad, wgrad1, wgrad2: this
 *     adapter's convolutions; lib-…: libnd4j's own conv2d/deconv2d kernels, the float64 route before
 *     ColumnConvolutions; pool, pool-bp, mmul, im2col…), or "trainer": a LeNet loss, gradient and HVP in scopes;
 *     optionally System.gc() / malloc_trim(0) every so many iterations
 * NativeMemoryProbe time FLOAT|DOUBLE BATCH REPS KERNEL,KERNEL,…   median ms per call, kernels alternating
 * NativeMemoryProbe engine FLOAT32|FLOAT64 ITERATIONS REAL_BATCH   outer iterations (S 10, E 3) and every workspace
 * </pre>
 * What it showed (README, backends): libnd4j's float64 convolution kernels allocate their im2col columns with
 * aligned_alloc on every call, outside any workspace; glibc's heap then grows by megabytes per call while
 * {@code mallinfo2} reports only ≈20 MB in use; {@code malloc_trim} returns the pages, {@code System.gc()} only
 * slows the growth. An {@code LD_PRELOAD} shim that logs aligned_alloc callers named sd::DataBuffer::allocatePrimary.
 */
public final class NativeMemoryProbe {

    /** The adapter's own scope workspaces, so the probe measures what the backend does. */
    private static final WorkspaceConfiguration WORKSPACE = ScopeStack.WORKSPACE;

    /** glibc's allocator statistics. */
    public static final class MallInfo2 extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;

        @Override
        protected List<String> getFieldOrder() {
            return Arrays.asList("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
                    "fordblks", "keepcost");
        }
    }

    interface C extends Library {
        MallInfo2 mallinfo2();

        int malloc_trim(long pad);
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("engine")) {
            engine(DType.valueOf(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        if (args[0].equals("time")) {
            time(DataType.valueOf(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4].split(","));
            return;
        }
        String kernel = args[0];
        DataType f = DataType.valueOf(args[1]);
        int n = Integer.parseInt(args[2]);
        int iterations = Integer.parseInt(args[3]);
        int every = Integer.parseInt(args[4]);
        int collectEvery = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        int trimEvery = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        C c = Native.loadLibrary("c", C.class);
        try (Dl4jTensorOps ops = new Dl4jTensorOps(Dl4jSettings.defaults())) {
            Supplier<Object> body = body(kernel, f, n, ops);
            System.out.printf("%s %s n=%d collect=%d trim=%d%n", kernel, f, n, collectEvery, trimEvery);
            System.out.printf("%6s %8s %8s %8s %8s %8s %8s %8s %8s %8s%n", "iter", "rssMB", "physMB", "jcppMB", "jcppCnt",
                    "heapMB", "inuseMB", "mmapMB", "wsMB", "cycleKB");
            long start = System.nanoTime();
            for (int i = 1; i <= iterations; i++) {
                if (kernel.equals("trainer")) {
                    body.get();
                } else {
                    try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, "probe")) {
                        body.get();
                    }
                }
                if (collectEvery > 0 && i % collectEvery == 0) {
                    System.gc();
                }
                if (trimEvery > 0 && i % trimEvery == 0) {
                    c.malloc_trim(0);
                }
                if (i % every == 0 || i == 1) {
                    MallInfo2 m = c.mallinfo2();
                    MemoryWorkspace w = Nd4j.getWorkspaceManager().checkIfWorkspaceExists("probe")
                            ? Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread("probe") : null;
                    long ws = w == null ? 0 : w.getCurrentSize();
                    long cycle = w == null ? 0 : w.getLastCycleAllocations();
                    System.out.printf("%6d %8d %8d %8d %8d %8d %8d %8d %8d %8d  %.1f ms/it%n", i, residentKb() / 1024,
                            Pointer.physicalBytes() >> 20, Pointer.totalBytes() >> 20, Pointer.totalCount(),
                            m.arena >> 20, m.uordblks >> 20, m.hblkhd >> 20, ws >> 20, cycle >> 10,
                            (System.nanoTime() - start) / 1e6 / i);
                }
            }
        }
    }

    private static Supplier<Object> body(String kernel, DataType f, int n, Dl4jTensorOps ops) {
        Dl4jConvolutions convolutions = new Dl4jConvolutions(new ColumnConvolutions(new ScopeStack()));
        INDArray x1 = Nd4j.randn(f, n, 1, 28, 28);
        INDArray y1 = Nd4j.randn(f, n, 6, 28, 28);
        INDArray p1 = Nd4j.randn(f, n, 6, 14, 14);
        INDArray y2 = Nd4j.randn(f, n, 16, 10, 10);
        INDArray w1 = Nd4j.randn(f, 6, 1, 5, 5);
        INDArray w2 = Nd4j.randn(f, 16, 6, 5, 5);
        INDArray h = Nd4j.randn(f, n, 400);
        INDArray w3 = Nd4j.randn(f, 120, 400);
        return switch (kernel) {
            case "conv1" -> () -> convolutions.conv2d(x1, w1, 2);
            case "conv2" -> () -> convolutions.conv2d(p1, w2, 0);
            case "conv1-igrad" -> () -> convolutions.inputGrad(y1, w1, 28, 28, 2);
            case "conv2-igrad" -> () -> convolutions.inputGrad(y2, w2, 14, 14, 0);
            case "wgrad1" -> () -> convolutions.weightGrad(x1, y1, 2);
            case "wgrad2" -> () -> convolutions.weightGrad(p1, y2, 0);
            case "lib-conv1" -> () -> libConv(x1, w1, 2);
            case "lib-conv2" -> () -> libConv(p1, w2, 0);
            case "lib-conv1-igrad" -> () -> libConv(y1, flipped(w1), 2);
            case "lib-conv2-igrad" -> () -> OpsMicroBench.deconv(y2, w2, 14, 14, 0);
            case "lib-wgrad1" -> () -> libBatchAsChannel(x1, y1, 2);
            case "lib-wgrad2" -> () -> libBatchAsChannel(p1, y2, 0);
            case "im2col2-c" -> () -> {
                INDArray c = Kernels.empty(f, n, 6, 5, 5, 10, 10);
                Kernels.run("im2col", new INDArray[] {p1}, new INDArray[] {c}, 5, 5, 1, 1, 0, 0, 1, 1, 0);
                return c;
            };
            case "im2col2-view" -> () -> {
                INDArray c = Kernels.empty(f, 6, 5, 5, n, 10, 10);
                Kernels.run("im2col", new INDArray[] {p1}, new INDArray[] {c.permute(3, 0, 1, 2, 4, 5)}, 5, 5, 1, 1,
                        0, 0, 1, 1, 0);
                return c;
            };
            case "im2col2-nhwc" -> () -> {
                INDArray c = Kernels.empty(f, n, 10, 10, 6, 5, 5);
                Kernels.run("im2col", new INDArray[] {p1}, new INDArray[] {c.permute(0, 3, 4, 5, 1, 2)}, 5, 5, 1, 1,
                        0, 0, 1, 1, 0);
                return c;
            };
            case "im2col1-c" -> () -> {
                INDArray c = Kernels.empty(f, n, 1, 5, 5, 28, 28);
                Kernels.run("im2col", new INDArray[] {x1}, new INDArray[] {c}, 5, 5, 1, 1, 2, 2, 1, 1, 0);
                return c;
            };
            case "im2col1-nhwc" -> () -> {
                INDArray c = Kernels.empty(f, n, 28, 28, 1, 5, 5);
                Kernels.run("im2col", new INDArray[] {x1}, new INDArray[] {c.permute(0, 3, 4, 5, 1, 2)}, 5, 5, 1, 1,
                        2, 2, 1, 1, 0);
                return c;
            };
            case "im2col1-view" -> () -> {
                INDArray c = Kernels.empty(f, 1, 5, 5, n, 28, 28);
                Kernels.run("im2col", new INDArray[] {x1}, new INDArray[] {c.permute(3, 0, 1, 2, 4, 5)}, 5, 5, 1, 1,
                        2, 2, 1, 1, 0);
                return c;
            };
            case "mm2" -> () -> {
                INDArray a = Nd4j.rand(f, 16, 150);
                INDArray b = Nd4j.rand(f, 150, n * 100);
                INDArray z = Kernels.empty(f, 16, n * 100);
                Kernels.run("matmul", new INDArray[] {a, b}, new INDArray[] {z}, 0, 0);
                return z;
            };
            case "mm2-only" -> mm(f, 16, 150, n * 100);
            case "bmm2" -> {
                INDArray a = Nd4j.rand(f, n, 16, 150);
                INDArray b = Nd4j.rand(f, n, 150, 100);
                yield () -> {
                    INDArray z = Kernels.empty(f, n, 16, 100);
                    Kernels.run("matmul", new INDArray[] {a, b}, new INDArray[] {z}, 0, 0);
                    return z;
                };
            }
            case "bcastmm2" -> {
                INDArray a = Nd4j.rand(f, 16, 150);
                INDArray b = Nd4j.rand(f, n, 150, 100);
                yield () -> {
                    INDArray z = Kernels.empty(f, n, 16, 100);
                    Kernels.run("matmul", new INDArray[] {a, b}, new INDArray[] {z}, 0, 0);
                    return z;
                };
            }
            case "tilemm2" -> {
                INDArray a = Nd4j.rand(f, 16, 150);
                INDArray b = Nd4j.rand(f, n, 150, 100);
                yield () -> {
                    INDArray at = Kernels.empty(f, n, 16, 150);
                    Kernels.run("tile", new INDArray[] {a.reshape(1, 16, 150)}, new INDArray[] {at}, n, 1, 1);
                    INDArray z = Kernels.empty(f, n, 16, 100);
                    Kernels.run("matmul", new INDArray[] {at, b}, new INDArray[] {z}, 0, 0);
                    return z;
                };
            }
            case "loopmm2" -> {
                INDArray a = Nd4j.rand(f, 16, 150);
                INDArray b = Nd4j.rand(f, n, 150, 100);
                yield () -> {
                    INDArray z = Kernels.empty(f, n, 16, 100);
                    for (int i = 0; i < n; i++) {
                        Kernels.run("matmul", new INDArray[] {a, b.slice(i)}, new INDArray[] {z.slice(i)}, 0, 0);
                    }
                    return z;
                };
            }
            case "permute2" -> {
                INDArray c = Nd4j.rand(f, n, 150, 100);
                yield () -> c.permute(1, 0, 2).dup('c');
            }
            case "conv2d_bp1" -> () -> OpsMicroBench.conv2dBp(x1, y1, w1.shape(), 2);
            case "conv2d_bp2" -> () -> OpsMicroBench.conv2dBp(p1, y2, w2.shape(), 0);
            case "pool" -> () -> Dl4jPooling.apply(y1, y1, 2);
            case "pool-bp" -> () -> Dl4jPooling.backward(p1, y1, 2);
            case "mmul" -> () -> {
                INDArray z = Kernels.empty(f, n, 120);
                Kernels.run("matmul", new INDArray[] {h, w3}, new INDArray[] {z}, 0, 1);
                return z;
            };
            case "trainer" -> trainerStep(ops, f == DataType.DOUBLE ? DType.FLOAT64 : DType.FLOAT32, n);
            default -> throw new IllegalArgumentException(kernel);
        };
    }

    /** Outer iterations of the reference configuration; RSS, glibc heap and every workspace after each. */
    private static void engine(DType dtype, int iterations, int batchSize) throws IOException {
        C c = Native.loadLibrary("c", C.class);
        org.ddjvm.domain.distill.DistillationConfig config = new org.ddjvm.domain.distill.DistillationConfig("mnist",
                "lenet", 1, 10, 3, org.ddjvm.domain.distill.InitMode.RANDOM, 1, 1, batchSize, 0.02, 0.01, 40, 0.5,
                1L, dtype);
        try (Dl4jTensorOps ops = new Dl4jTensorOps(Dl4jSettings.defaults())) {
            org.ddjvm.domain.distill.DistillationEngine engine = new org.ddjvm.domain.distill.DistillationEngine(ops,
                    new ForwardOverReverseTrainer(ops, Architectures.lenet(1, 28, 28, 10)), config);
            org.ddjvm.domain.distill.DistillationState state = engine.initialState();
            SplittableRandom random = new SplittableRandom(5);
            float[] pixels = new float[batchSize * 784];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (float) org.ddjvm.domain.tensor.Gaussian.next(random);
            }
            int[] labels = new int[batchSize];
            for (int i = 0; i < batchSize; i++) {
                labels[i] = i % 10;
            }
            org.ddjvm.domain.distill.RealBatch batch = new org.ddjvm.domain.distill.RealBatch(pixels, labels);
            for (int i = 1; i <= iterations; i++) {
                long t0 = System.nanoTime();
                engine.step(state, batch, 0);
                MallInfo2 m = c.mallinfo2();
                StringBuilder ws = new StringBuilder();
                for (MemoryWorkspace w : Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread()) {
                    org.nd4j.linalg.api.memory.abstracts.Nd4jWorkspace nw = (org.nd4j.linalg.api.memory.abstracts.Nd4jWorkspace) w;
                    ws.append(String.format(" %s:%d/%d/sp%d/ext%d", w.getId().replaceAll("dd-scope-\\d+-", "d"),
                            w.getCurrentSize() >> 20, w.getMaxCycleAllocations() >> 20, nw.getSpilledSize() >> 20,
                            nw.getNumberOfExternalAllocations()));
                }
                System.out.printf("%4d %6.2fs rss %5d MB heap %5d in-use %5d mmap %5d |%s%n", i,
                        (System.nanoTime() - t0) / 1e9, residentKb() / 1024, m.arena >> 20, m.uordblks >> 20,
                        m.hblkhd >> 20, ws);
            }
        }
    }

    /** Median ms per call of each kernel, in rounds that alternate between them. */
    private static void time(DataType f, int n, int reps, String[] kernels) {
        try (Dl4jTensorOps ops = new Dl4jTensorOps(Dl4jSettings.defaults())) {
            List<Supplier<Object>> bodies = new ArrayList<>();
            for (String k : kernels) {
                bodies.add(body(k, f, n, ops));
            }
            double[][] ms = new double[kernels.length][5 * reps];
            for (int round = -1; round < 5; round++) {
                for (int k = 0; k < kernels.length; k++) {
                    for (int i = 0; i < reps; i++) {
                        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, "t" + k)) {
                            long t0 = System.nanoTime();
                            bodies.get(k).get();
                            if (round >= 0) {
                                ms[k][round * reps + i] = (System.nanoTime() - t0) / 1e6;
                            }
                        }
                    }
                }
            }
            for (int k = 0; k < kernels.length; k++) {
                Arrays.sort(ms[k]);
                System.out.printf("%-20s %s n=%-4d median %8.3f ms  min %8.3f ms%n", kernels[k], f, n,
                        ms[k][ms[k].length / 2], ms[k][0]);
            }
        }
    }

    private static Supplier<Object> mm(DataType f, int rows, int inner, int columns) {
        INDArray a = Nd4j.rand(f, rows, inner);
        INDArray b = Nd4j.rand(f, inner, columns);
        return () -> {
            INDArray z = Kernels.empty(f, rows, columns);
            Kernels.run("matmul", new INDArray[] {a, b}, new INDArray[] {z}, 0, 0);
            return z;
        };
    }

    /** libnd4j's own conv2d kernel, whatever the data type (the float64 route before ColumnConvolutions). */
    private static INDArray libConv(INDArray x, INDArray w, int pad) {
        long[] xs = x.shape();
        long[] ws = w.shape();
        INDArray y = Kernels.empty(x.dataType(), xs[0], ws[0], xs[2] + 2L * pad - ws[2] + 1, xs[3] + 2L * pad - ws[3] + 1);
        Kernels.run("conv2d", new INDArray[] {x, w}, new INDArray[] {y}, (int) ws[2], (int) ws[3], 1, 1, pad, pad, 1,
                1, 0, 0, 1);
        return y;
    }

    private static INDArray flipped(INDArray w) {
        INDArray swapped = w.permute(1, 0, 2, 3).dup('c');
        INDArray flipped = Kernels.empty(w.dataType(), swapped.shape());
        Kernels.run("reverse", new INDArray[] {swapped}, new INDArray[] {flipped}, 2, 3);
        return flipped;
    }

    private static INDArray libBatchAsChannel(INDArray x, INDArray dy, int pad) {
        INDArray xt = x.permute(1, 0, 2, 3).dup('c');
        INDArray dyt = dy.permute(1, 0, 2, 3).dup('c');
        return libConv(xt, dyt, pad).permute(1, 0, 2, 3).dup('c');
    }

    /** Loss, gradient and an HVP of LeNet in nested scopes, as in Dl4jNativeMemoryTest. */
    private static Supplier<Object> trainerStep(Dl4jTensorOps ops, DType dtype, int n) {
        Network lenet = Architectures.lenet(1, 28, 28, 10);
        ForwardOverReverseTrainer trainer = new ForwardOverReverseTrainer(ops, lenet);
        TensorScope data = ops.scope();
        List<Tensor> theta = new XavierInitialization().draw(lenet, new SplittableRandom(1)).upload(ops, dtype);
        Tensor x = ops.randomNormal(lenet.batchShape(n), dtype, 2);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
        }
        Tensor y = OneHot.of(ops, labels, 10, dtype);
        return () -> {
            try (TensorScope outer = ops.scope()) {
                Linearization at = trainer.linearize(theta, x, y);
                trainer.loss(at.logits(), y);
                List<Tensor> kept = new ArrayList<>();
                try (TensorScope inner = ops.scope()) {
                    for (Tensor t : trainer.hessianVectorProduct(at, at.weightGradient()).weights()) {
                        kept.add(inner.keep(t));
                    }
                }
                return ops.dot(kept.get(0), at.weightGradient().get(0));
            }
        };
    }

    private static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
