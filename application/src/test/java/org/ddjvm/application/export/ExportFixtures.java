package org.ddjvm.application.export;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Small exports and NumPy-written archives for the export tests. */
final class ExportFixtures {

    /**
     * {@code numpy.savez_compressed} (NumPy 2.4) of {@code a} = arange(24, float32).reshape(2, 3, 4) * 0.5 - 3,
     * {@code labels} = int64 [[1, -2, 3], [2**40, 0, -7]], {@code c} = linspace(0, 1, 5) (float64) and
     * {@code scalar} = float32(3.25) (0-d): deflated entries with zip64 local headers.
     */
    static final String NUMPY_DEFLATED_NPZ = "UEsDBC0AAAAIAAAAIQBlYYGO//////////8FABQAYS5ucHkBABAA4AAAAAAAAACLAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxcpG6loG6TZqKuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GkY6CsY6CiaaOgq1CuQBLgYGhwMMDApAzADEB/YzMDQAMQMIg4A9kA/EB4CYwQGoDogdgDgBiBuAeAIQLwDiDUB8AIgvAPEDIP4AxAyODAwcjgBQSwMELQAAAAgAAAAhACqfz6P//////////woAFABsYWJlbHMubnB5AQAQALAAAAAAAAAAVwAAAAAAAACb7BfqGxDJyFDGUK2eklqcXKRupaBuk2mhrqOgnpZfVFKUmBefX5SSChJ3S8wpTgWKF2ckFqQC+RpGOgrGmjoKtQpkAy5GBgj49x8CmBmQACOC+RMqDwBQSwMELQAAAAgAAAAhAC87noT//////////wUAFABjLm5weQEAEACoAAAAAAAAAFIAAAAAAAAAm+wX6hsQychQxlCtnpJanFykbqWgbpNmoa6joJ6WX1RSlJgXn1+UkgoSd0vMKU4FihdnJBakAvkapjqaOgq1ChQALgYUcMEeQj+A0i+g9Ad7AFBLAwQtAAAACAAAACEAkvUd7P//////////CgAUAHNjYWxhci5ucHkBABAAhAAAAAAAAABGAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxcpG6loG6TZqKuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5Gpo6CrUKFAEuBoYABwBQSwECLQMtAAAACAAAACEAZWGBjosAAADgAAAABQAAAAAAAAAAAAAAgAEAAAAAYS5ucHlQSwECLQMtAAAACAAAACEAKp/Po1cAAACwAAAACgAAAAAAAAAAAAAAgAHCAAAAbGFiZWxzLm5weVBLAQItAy0AAAAIAAAAIQAvO56EUgAAAKgAAAAFAAAAAAAAAAAAAACAAVUBAABjLm5weVBLAQItAy0AAAAIAAAAIQCS9R3sRgAAAIQAAAAKAAAAAAAAAAAAAACAAd4BAABzY2FsYXIubnB5UEsFBgAAAAAEAAQA1gAAAGACAAAAAA==";

    /** A stored zip with {@code a.npy} written by {@code numpy.lib.format.write_array(..., version=(2, 0))}. */
    static final String NUMPY_V2_NPZ = "UEsDBBQAAAAAADcyfF35ZiuC4AAAAOAAAAAFAAAAYS5ucHmTTlVNUFkCAHQAAAB7J2Rlc2NyJzogJzxmNCcsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgyLCAzLCA0KSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgCgAAQMAAACDAAAAAwAAAwL8AAIC/AAAAvwAAAAAAAAA/AACAPwAAwD8AAABAAAAgQAAAQEAAAGBAAACAQAAAkEAAAKBAAACwQAAAwEAAANBAAADgQAAA8EAAAABBAAAIQVBLAQIUAxQAAAAAADcyfF35ZiuC4AAAAOAAAAAFAAAAAAAAAAAAAACAAQAAAABhLm5weVBLBQYAAAAAAQABADMAAAADAQAAAAA=";

    private ExportFixtures() {
    }

    static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    /** float32 a = arange(24).reshape(2, 3, 4) * 0.5 - 3, as in the NumPy fixtures. */
    static float[] numpyA() {
        float[] a = new float[24];
        for (int i = 0; i < a.length; i++) {
            a[i] = i * 0.5f - 3f;
        }
        return a;
    }

    /** A small MNIST-like export: S steps, 3 classes, ipc 2, 1×4×5 images, E = 3, optionally LeNet-named θ0. */
    static DistilledExport export(int steps, boolean withTheta0, long seed) {
        int classes = 3;
        int ipc = 2;
        int epochs = 3;
        Random random = new Random(seed);
        float[] images = new float[steps * classes * ipc * 4 * 5];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextGaussian();
        }
        float[] lrs = new float[steps * epochs];
        for (int t = 0; t < lrs.length; t++) {
            lrs[t] = (20 - t) / 1000f; // 0.020, 0.019, …
        }
        Map<String, DistilledExport.Parameter> theta0 = new LinkedHashMap<>();
        if (withTheta0) {
            theta0.put("conv1.weight", parameter(random, 6, 1, 5, 5));
            theta0.put("conv1.bias", parameter(random, 6));
            theta0.put("conv2.weight", parameter(random, 16, 6, 5, 5));
            theta0.put("conv2.bias", parameter(random, 16));
            theta0.put("fc1.weight", parameter(random, 120, 16));
            theta0.put("fc1.bias", parameter(random, 120));
            theta0.put("fc2.weight", parameter(random, 84, 120));
            theta0.put("fc2.bias", parameter(random, 84));
            theta0.put("fc3.weight", parameter(random, 3, 84));
            theta0.put("fc3.bias", parameter(random, 3));
        }
        return new DistilledExport("mnist", "lenet", ipc, steps, epochs, classes, 1, 4, 5, images,
                DistilledExport.classMajorLabels(steps, classes, ipc), lrs, theta0);
    }

    static RunSummary summary(DistilledExport export, String init) {
        return new RunSummary(export.dataset(), export.arch(), export.ipc(), export.steps(), export.epochs(), init,
                42L, "djl", new RunSummary.Normalization(new double[] {0.1307}, new double[] {0.3081}), 400,
                123.5, 0.30875,
                new RunSummary.Accuracy(new RunSummary.MeanStd(0.129, 0.011),
                        new RunSummary.MeanStdNets(0.938, 0.004, 10)),
                new RunSummary.Baseline("random real", 0.62, 0.03));
    }

    private static DistilledExport.Parameter parameter(Random random, int... shape) {
        float[] values = new float[(int) NpyArray.elementCount(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * 0.1);
        }
        return new DistilledExport.Parameter(shape, values);
    }
}
