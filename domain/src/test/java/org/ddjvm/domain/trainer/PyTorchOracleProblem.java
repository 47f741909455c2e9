package org.ddjvm.domain.trainer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.SplittableRandom;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.DistillationEngine;
import org.ddjvm.domain.distill.DistillationState;
import org.ddjvm.domain.distill.InitMode;
import org.ddjvm.domain.distill.RealBatch;
import org.ddjvm.domain.distill.WeightVector;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.Gaussian;
import org.ddjvm.domain.tensor.ReferenceTensorOps;
import org.ddjvm.domain.tensor.TensorOps;

/**
 * The inputs of the PyTorch-autograd oracle check: fixed-init LeNet, S 2, E 5 (T = 10), the run seed's θ0 and
 * images, rates that move θ far, and 64 Gaussian "real" images. {@link #main} writes them as little-endian float64
 * files for {@code tools/pytorch-oracle/hypergradient.py}, which computes the expected outer loss and hypergradient
 * with an independent create-graph unroll in torch.autograd; the result is committed under
 * {@code src/test/resources/oracle/}.
 */
public record PyTorchOracleProblem(DistillationConfig config, double[] images, double[] rawRates,
                                   WeightVector theta0, RealBatch batch) {

    static final int REAL = 64;

    public static PyTorchOracleProblem create() {
        DistillationConfig config = new DistillationConfig("mnist", "lenet", 1, 2, 5, InitMode.FIXED, 1, 1, REAL,
                0.02, 0.01, 40, 0.5, 20181127L, DType.FLOAT64);
        DistillationState state = engine(config, new ReferenceTensorOps()).initialState();
        double[] raw = new double[config.innerSteps()];
        for (int t = 0; t < raw.length; t++) {
            raw[t] = -2.0 + 0.15 * t;
        }
        SplittableRandom random = new SplittableRandom(42L);
        float[] pixels = new float[REAL * 784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) Gaussian.next(random);
        }
        int[] labels = new int[REAL];
        for (int i = 0; i < REAL; i++) {
            labels[i] = (i * 3 + 1) % 10;
        }
        return new PyTorchOracleProblem(config, state.images().clone(), raw, state.fixedTheta0().orElseThrow(),
                new RealBatch(pixels, labels));
    }

    public DistillationEngine engine(TensorOps ops) {
        return engine(config, ops);
    }

    /** The engine with helper lanes: the 64 real images are four chunks of 16, split between the lanes. */
    public DistillationEngine engine(TensorOps ops, org.ddjvm.domain.tensor.HelperLanes lanes) {
        return new DistillationEngine(ops, new ForwardOverReverseTrainer(ops, Architectures.lenet(1, 28, 28, 10)),
                config, 16, lanes);
    }

    private static DistillationEngine engine(DistillationConfig config, TensorOps ops) {
        return new DistillationEngine(ops, new ForwardOverReverseTrainer(ops, Architectures.lenet(1, 28, 28, 10)),
                config, 16);
    }

    public List<WeightVector> inits() {
        return List.of(theta0);
    }

    /** The input files for the Python oracle, by name, as little-endian bytes. */
    public Map<String, byte[]> inputFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("theta0.f64", bytes(theta0.values().stream().flatMapToDouble(Arrays::stream).toArray()));
        files.put("images.f64", bytes(images));
        files.put("raw.f64", bytes(rawRates));
        double[] x = new double[batch.pixels().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = batch.pixels()[i];
        }
        files.put("realx.f64", bytes(x));
        ByteBuffer y = ByteBuffer.allocate(batch.labels().length * 8).order(ByteOrder.LITTLE_ENDIAN);
        Arrays.stream(batch.labels()).forEach(y::putLong);
        files.put("realy.i64", y.array());
        return files;
    }

    /** Writes the inputs for the Python oracle into the directory named by the first argument. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        PyTorchOracleProblem p = create();
        for (var file : p.inputFiles().entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
        }
        Files.writeString(dir.resolve("meta.json"),
                "{\"steps\": " + p.config.steps() + ", \"epochs\": " + p.config.epochs() + "}\n");
    }

    private static byte[] bytes(double[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }
}
