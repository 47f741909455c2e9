package org.ddjvm.domain.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ddjvm.domain.tensor.DType.FLOAT32;
import static org.ddjvm.domain.tensor.DType.FLOAT64;
import static org.ddjvm.domain.tensor.TensorAssertions.assertRelativelyClose;
import static org.ddjvm.domain.tensor.TensorAssertions.assertValues;
import static org.ddjvm.domain.tensor.TensorAssertions.tolerance;

import java.util.SplittableRandom;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The behaviour every {@link TensorOps} backend must show. A backend's test extends this class and returns
 * its backend from {@link #ops()}. Each test runs inside a scope of its own that is closed afterwards.
 *
 * <p>Values are compared elementwise relative to the expected array's magnitude (at least 1), to 1e-10 in
 * FLOAT64 and 1e-5 in FLOAT32; adjoint identities are checked in FLOAT64 to 1e-10 relative.
 */
public abstract class TensorOpsContract {

    /** The backend under test; called once before each test, which then uses only that instance. */
    protected abstract TensorOps ops();

    private TensorOps backend;
    private TensorScope testScope;

    @BeforeEach
    void openTestScope() {
        backend = ops();
        testScope = backend.scope();
    }

    @AfterEach
    void closeTestScope() {
        testScope.close();
    }

    // ---- creation and copies -------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void fromArrayRoundTripsThroughBothArrayKinds(DType dtype) {
        double[] values = {1.5, -2.25, 0.1, 1e-3, 3e7, 0};
        Tensor t = backend.fromArray(values, Shape.of(2, 3), dtype);

        assertThat(t.shape()).isEqualTo(Shape.of(2, 3));
        assertThat(t.dtype()).isEqualTo(dtype);
        assertThat(backend.toDoubleArray(t)).as("toDoubleArray of %s", dtype).containsExactly(inDtype(values, dtype));
        assertThat(backend.toFloatArray(t)).as("toFloatArray of %s", dtype).containsExactly(toFloats(values));
    }

    @Test
    void floatArraysMakeFloat32TensorsExactly() {
        float[] values = {0.1f, -3.75f, 1e-7f, 16777217f};
        Tensor t = backend.fromArray(values, Shape.of(4));

        assertThat(t.dtype()).isEqualTo(FLOAT32);
        assertThat(backend.toFloatArray(t)).containsExactly(values);
        assertThat(backend.toDoubleArray(t)).containsExactly(0.1f, -3.75f, 1e-7f, 16777217f);
    }

    @Test
    void tensorsDoNotAliasTheArraysTheyAreMadeFromOrReadInto() {
        double[] source = {1, 2, 3};
        Tensor t = backend.fromArray(source, Shape.of(3), FLOAT64);
        source[0] = 100;
        backend.toDoubleArray(t)[1] = 200;
        backend.toFloatArray(t)[2] = 300;

        assertThat(backend.toDoubleArray(t)).containsExactly(1, 2, 3);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void zerosHaveTheShapeAndDtypeAsked(DType dtype) {
        assertTensor("zeros", backend.zeros(Shape.of(2, 1, 3), dtype), dtype, Shape.of(2, 1, 3), new double[6]);
    }

    @Test
    void float32ResultsHoldFloatValues() {
        Tensor third = backend.scale(backend.fromArray(new double[] {1, 2, 10}, Shape.of(3), FLOAT32), 1.0 / 3);

        for (double v : backend.toDoubleArray(third)) {
            assertThat(v).as("a FLOAT32 value must be a float").isEqualTo((double) (float) v);
        }
    }

    @Test
    void castChangesDtypeAndRoundsOnlyWhenNarrowing() {
        double[] values = {0.1, -1.0 / 3, 2.5, 1e10};
        Tensor wide = backend.fromArray(values, Shape.of(2, 2), FLOAT64);
        Tensor narrow = backend.cast(wide, FLOAT32);
        Tensor back = backend.cast(narrow, FLOAT64);

        assertThat(narrow.dtype()).isEqualTo(FLOAT32);
        assertThat(narrow.shape()).isEqualTo(Shape.of(2, 2));
        assertThat(backend.toDoubleArray(back)).containsExactly(inDtype(values, FLOAT32));
        assertThat(backend.toFloatArray(backend.cast(back, FLOAT32))).containsExactly(backend.toFloatArray(narrow));
        assertThat(backend.toDoubleArray(backend.cast(wide, FLOAT64))).containsExactly(values);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void randomNormalIsTheSharedJavaStreamForEachSeed(DType dtype) {
        Shape shape = Shape.of(3, 4);
        double[] first = backend.toDoubleArray(backend.randomNormal(shape, dtype, 7));
        double[] again = backend.toDoubleArray(backend.randomNormal(shape, dtype, 7));
        double[] other = backend.toDoubleArray(backend.randomNormal(shape, dtype, 8));

        SplittableRandom stream = new SplittableRandom(7);
        double[] expected = new double[12];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = Gaussian.next(stream);
        }
        assertThat(again).as("same seed, same draws").containsExactly(first);
        assertThat(other).as("another seed, other draws").isNotEqualTo(first);
        assertThat(first).as("draws of seed 7 (parity between backends)").containsExactly(inDtype(expected, dtype));
    }

    @Test
    void randomNormalIsRoughlyStandardNormal() {
        double[] draws = backend.toDoubleArray(backend.randomNormal(Shape.of(20_000), FLOAT64, 42));
        double mean = 0;
        for (double d : draws) {
            mean += d / draws.length;
        }
        double variance = 0;
        for (double d : draws) {
            variance += (d - mean) * (d - mean) / (draws.length - 1);
        }
        assertThat(mean).as("mean of 20000 draws").isBetween(-0.05, 0.05);
        assertThat(Math.sqrt(variance)).as("std of 20000 draws").isBetween(0.95, 1.05);
    }

    // ---- shape -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void reshapeKeepsRowMajorOrderAndRoundTrips(DType dtype) {
        Tensor t = tensor(dtype, new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor flat = backend.reshape(t, Shape.of(6));
        Tensor tall = backend.reshape(flat, Shape.of(3, 1, 2));

        assertTensor("reshape to [6]", flat, dtype, Shape.of(6), 1, 2, 3, 4, 5, 6);
        assertTensor("reshape to [3,1,2]", tall, dtype, Shape.of(3, 1, 2), 1, 2, 3, 4, 5, 6);
        assertTensor("reshape back", backend.reshape(tall, Shape.of(2, 3)), dtype, Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void transposeSwapsTheAxesAndUndoesItself(DType dtype) {
        Tensor t = tensor(dtype, new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor tt = backend.transpose(t);

        assertTensor("transpose", tt, dtype, Shape.of(3, 2), 1, 4, 2, 5, 3, 6);
        assertTensor("transpose twice", backend.transpose(tt), dtype, Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
    }

    // ---- elementwise and reductions -----------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void elementwiseArithmetic(DType dtype) {
        Tensor a = tensor(dtype, new double[] {1, -2, 3.5, 0}, 2, 2);
        Tensor b = tensor(dtype, new double[] {0.5, 4, -1, 2}, 2, 2);
        Shape s = Shape.of(2, 2);

        assertTensor("add", backend.add(a, b), dtype, s, 1.5, 2, 2.5, 2);
        assertTensor("sub", backend.sub(a, b), dtype, s, 0.5, -6, 4.5, -2);
        assertTensor("mul", backend.mul(a, b), dtype, s, 0.5, -8, -3.5, 0);
        assertTensor("scale", backend.scale(a, -2), dtype, s, -2, 4, -7, 0);
        assertTensor("addScaled", backend.addScaled(a, b, 3), dtype, s, 2.5, 10, 0.5, 6);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void sumAndDot(DType dtype) {
        Tensor a = tensor(dtype, new double[] {1, -2, 3.5, 0}, 2, 2);
        Tensor b = tensor(dtype, new double[] {0.5, 4, -1, 2}, 2, 2);

        assertRelativelyClose("sum", backend.sum(a), 2.5, tolerance(dtype));
        assertRelativelyClose("dot", backend.dot(a, b), -11, tolerance(dtype));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void biasOfRank2(DType dtype) {
        Tensor x = tensor(dtype, new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor bias = tensor(dtype, new double[] {10, 20, 30}, 3);

        assertTensor("addBias [N,C]", backend.addBias(x, bias), dtype, Shape.of(2, 3), 11, 22, 33, 14, 25, 36);
        assertTensor("sumToBias [N,C]", backend.sumToBias(x), dtype, Shape.of(3), 5, 7, 9);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void biasOfRank4(DType dtype) {
        Tensor x = tensor(dtype, new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 1, 2);
        Tensor bias = tensor(dtype, new double[] {10, 100}, 2);

        assertTensor("addBias [N,C,H,W]", backend.addBias(x, bias), dtype, Shape.of(2, 2, 1, 2),
                11, 12, 103, 104, 15, 16, 107, 108);
        assertTensor("sumToBias [N,C,H,W]", backend.sumToBias(x), dtype, Shape.of(2), 14, 22);
    }

    @Test
    void sumToBiasIsTheAdjointOfAddBias() {
        Tensor bias = random(FLOAT64, 1, 3);
        Tensor dy = random(FLOAT64, 2, 2, 3, 4, 5);
        Tensor added = backend.addBias(backend.zeros(dy.shape(), FLOAT64), bias);

        assertRelativelyClose("<addBias(0, b), dy> vs <b, sumToBias(dy)>", backend.dot(added, dy),
                backend.dot(bias, backend.sumToBias(dy)), tolerance(FLOAT64));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void rowSumsAndColumnScaling(DType dtype) {
        Tensor x = tensor(dtype, new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor column = tensor(dtype, new double[] {2, -1}, 2, 1);

        assertTensor("sumRows", backend.sumRows(x), dtype, Shape.of(2, 1), 6, 15);
        assertTensor("mulColumn", backend.mulColumn(x, column), dtype, Shape.of(2, 3), 2, 4, 6, -4, -5, -6);
    }

    // ---- pointwise nonlinearities ---------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void reluAndItsMask(DType dtype) {
        Tensor x = tensor(dtype, new double[] {-1.5, 0, 2, 1e-3, -1e-3, 7}, 2, 3);

        assertTensor("relu", backend.relu(x), dtype, Shape.of(2, 3), 0, 0, 2, 1e-3, 0, 7);
        assertTensor("positiveMask (0 at 0)", backend.positiveMask(x), dtype, Shape.of(2, 3), 0, 0, 1, 1, 0, 1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void softmaxMatchesItsDefinitionAndRowsSumToOne(DType dtype) {
        Tensor logits = tensor(dtype, new double[] {1, 2, 3, 0, 0, 0, -1, 0.5, 4}, 3, 3);
        Tensor s = backend.softmax(logits);
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        double w = Math.exp(-1) + Math.exp(0.5) + Math.exp(4);

        assertTensor("softmax", s, dtype, Shape.of(3, 3), Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z,
                1.0 / 3, 1.0 / 3, 1.0 / 3, Math.exp(-1) / w, Math.exp(0.5) / w, Math.exp(4) / w);
        assertTensor("row sums of softmax", backend.sumRows(s), dtype, Shape.of(3, 1), 1, 1, 1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void logSoftmaxIsTheLogOfSoftmax(DType dtype) {
        Tensor logits = backend.scale(random(dtype, 3, 4, 6), 3);
        double[] softmax = backend.toDoubleArray(backend.softmax(logits));
        double[] expected = new double[softmax.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = Math.log(softmax[i]);
        }
        assertTensor("logSoftmax vs log(softmax)", backend.logSoftmax(logits), dtype, Shape.of(4, 6), expected);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void softmaxIsStableForLargeLogits(DType dtype) {
        Tensor logits = tensor(dtype, new double[] {1000, 1000, -1000, 1000, 0, 0}, 2, 3);
        double ln2 = Math.log(2);

        assertTensor("softmax of large logits", backend.softmax(logits), dtype, Shape.of(2, 3), 0.5, 0.5, 0, 1, 0, 0);
        assertTensor("logSoftmax of large logits", backend.logSoftmax(logits), dtype, Shape.of(2, 3),
                -ln2, -ln2, -2000 - ln2, 0, -1000, -1000);
    }

    // ---- matmul ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void matmulWithEachTransposeFlag(DType dtype) {
        Tensor a = tensor(dtype, new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = tensor(dtype, new double[] {7, 8, 9, 10, 11, 12}, 3, 2);
        Tensor aT = backend.transpose(a);
        Tensor bT = backend.transpose(b);
        Shape s = Shape.of(2, 2);

        assertTensor("a·b", backend.matmul(a, b, false, false), dtype, s, 58, 64, 139, 154);
        assertTensor("(aᵀ)ᵀ·b", backend.matmul(aT, b, true, false), dtype, s, 58, 64, 139, 154);
        assertTensor("a·(bᵀ)ᵀ", backend.matmul(a, bT, false, true), dtype, s, 58, 64, 139, 154);
        assertTensor("(aᵀ)ᵀ·(bᵀ)ᵀ", backend.matmul(aT, bT, true, true), dtype, s, 58, 64, 139, 154);
        assertTensor("b·a", backend.matmul(b, a, false, false), dtype, Shape.of(3, 3),
                39, 54, 69, 49, 68, 87, 59, 82, 105);
    }

    @Test
    void matmulGradientsAreAdjoint() {
        Tensor a = random(FLOAT64, 11, 5, 7);
        Tensor b = random(FLOAT64, 12, 7, 4);
        Tensor dy = random(FLOAT64, 13, 5, 4);
        double forward = backend.dot(dy, backend.matmul(a, b, false, false));

        assertRelativelyClose("<dy, a·b> vs <dy·bᵀ, a>", backend.dot(backend.matmul(dy, b, false, true), a), forward,
                tolerance(FLOAT64));
        assertRelativelyClose("<dy, a·b> vs <aᵀ·dy, b>", backend.dot(backend.matmul(a, dy, true, false), b), forward,
                tolerance(FLOAT64));
    }

    // ---- convolution ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void convOfA3x3ImageByA2x2Kernel(DType dtype) {
        Tensor x = tensor(dtype, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        Tensor w = tensor(dtype, new double[] {1, 2, 3, 4}, 1, 1, 2, 2);
        Tensor ones = tensor(dtype, new double[] {1, 1, 1, 1}, 1, 1, 2, 2);

        assertTensor("conv2d", backend.conv2d(x, w, 0), dtype, Shape.of(1, 1, 2, 2), 37, 47, 67, 77);
        assertTensor("conv2dInputGrad of ones", backend.conv2dInputGrad(ones, w, x.shape(), 0), dtype,
                x.shape(), 1, 3, 2, 4, 10, 6, 3, 7, 4);
        assertTensor("conv2dWeightGrad of ones", backend.conv2dWeightGrad(x, ones, w.shape(), 0), dtype,
                w.shape(), 12, 16, 24, 28);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void convPadsWithZerosAndDoesNotFlipTheKernel(DType dtype) {
        Tensor x = tensor(dtype, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        Tensor topLeft = tensor(dtype, new double[] {1, 0, 0, 0, 0, 0, 0, 0, 0}, 1, 1, 3, 3);
        Tensor ones = tensor(dtype, new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, 1, 1, 3, 3);

        assertTensor("conv2d with a top-left one-hot kernel, pad 1", backend.conv2d(x, topLeft, 1), dtype,
                Shape.of(1, 1, 3, 3), 0, 0, 0, 0, 1, 2, 0, 4, 5);
        assertTensor("conv2d with a 3x3 box kernel, pad 1", backend.conv2d(x, ones, 1), dtype,
                Shape.of(1, 1, 3, 3), 12, 21, 16, 27, 45, 33, 24, 39, 28);
    }

    @ParameterizedTest(name = "x [{0},{1},{2},{3}], w [{4},{1},{5},{5}], pad {6}")
    @CsvSource({"2,1,8,8,3,5,0", "2,1,8,8,3,5,2", "2,3,6,6,4,3,0", "2,3,6,6,4,3,2", "1,2,5,7,3,3,1"})
    void convMatchesItsDefinitionInBothDtypes(int n, int c, int h, int w, int o, int k, int pad) {
        for (DType dtype : DType.values()) {
            Tensor x = random(dtype, 21, n, c, h, w);
            Tensor weight = random(dtype, 22, o, c, k, k);
            double[] expected = naiveConv(backend.toDoubleArray(x), x.shape(), backend.toDoubleArray(weight),
                    weight.shape(), pad);

            assertTensor("conv2d pad " + pad + " vs its definition", backend.conv2d(x, weight, pad), dtype,
                    Shape.of(n, o, h + 2 * pad - k + 1, w + 2 * pad - k + 1), expected);
        }
    }

    @ParameterizedTest(name = "x [{0},{1},{2},{3}], w [{4},{1},{5},{5}], pad {6}")
    @CsvSource({"2,1,8,8,3,5,0", "2,1,8,8,3,5,2", "2,3,6,6,4,3,0", "2,3,6,6,4,3,2", "1,2,5,7,3,3,1"})
    void convGradientsAreAdjointsOfConv(int n, int c, int h, int w, int o, int k, int pad) {
        Tensor x = random(FLOAT64, 31, n, c, h, w);
        Tensor weight = random(FLOAT64, 32, o, c, k, k);
        Tensor dy = random(FLOAT64, 33, n, o, h + 2 * pad - k + 1, w + 2 * pad - k + 1);
        double forward = backend.dot(dy, backend.conv2d(x, weight, pad));
        Tensor dx = backend.conv2dInputGrad(dy, weight, x.shape(), pad);
        Tensor dw = backend.conv2dWeightGrad(x, dy, weight.shape(), pad);

        assertThat(dx.shape()).as("conv2dInputGrad shape").isEqualTo(x.shape());
        assertThat(dw.shape()).as("conv2dWeightGrad shape").isEqualTo(weight.shape());
        assertRelativelyClose("<dy, conv2d(x,w)> vs <conv2dInputGrad(dy,w), x>", backend.dot(dx, x), forward,
                tolerance(FLOAT64));
        assertRelativelyClose("<dy, conv2d(x,w)> vs <conv2dWeightGrad(x,dy), w>", backend.dot(dw, weight), forward,
                tolerance(FLOAT64));
    }

    @Test
    void convGradientsInFloat32AgreeWithFloat64() {
        Tensor x = random(FLOAT32, 41, 2, 3, 6, 6);
        Tensor weight = random(FLOAT32, 42, 4, 3, 3, 3);
        Tensor dy = random(FLOAT32, 43, 2, 4, 6, 6);
        Tensor x64 = backend.cast(x, FLOAT64);
        Tensor weight64 = backend.cast(weight, FLOAT64);
        Tensor dy64 = backend.cast(dy, FLOAT64);

        assertTensor("conv2dInputGrad FLOAT32 vs FLOAT64", backend.conv2dInputGrad(dy, weight, x.shape(), 1), FLOAT32,
                x.shape(), backend.toDoubleArray(backend.conv2dInputGrad(dy64, weight64, x.shape(), 1)));
        assertTensor("conv2dWeightGrad FLOAT32 vs FLOAT64", backend.conv2dWeightGrad(x, dy, weight.shape(), 1),
                FLOAT32, weight.shape(), backend.toDoubleArray(backend.conv2dWeightGrad(x64, dy64, weight.shape(), 1)));
    }

    // ---- max pooling ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void maxPoolPicksEachWindowsMaximumAndRoutesGradientsBack(DType dtype) {
        Tensor x = tensor(dtype, new double[] {1, 5, 2, 0, 3, 4, 8, 1, 0, 0, -1, -2, 9, 2, -3, -4}, 1, 1, 4, 4);
        Tensor routing = backend.maxPoolRouting(x, 2);
        Tensor dy = tensor(dtype, new double[] {10, 20, 30, 40}, 1, 1, 2, 2);

        assertTensor("maxPoolApply of x's own routing", backend.maxPoolApply(x, routing, 2), dtype,
                Shape.of(1, 1, 2, 2), 5, 8, 9, -1);
        assertTensor("maxPoolBackward", backend.maxPoolBackward(dy, routing, 2, x.shape()), dtype, x.shape(),
                0, 10, 0, 0, 0, 0, 20, 0, 0, 0, 40, 0, 30, 0, 0, 0);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void maxPoolTiesGoToTheFirstMaximumInRowMajorOrder(DType dtype) {
        Tensor x = tensor(dtype, new double[] {3, 3, 1, 3, 1, 2, 2, 0}, 1, 2, 2, 2);
        Tensor routing = backend.maxPoolRouting(x, 2);
        Tensor dy = tensor(dtype, new double[] {5, 7}, 1, 2, 1, 1);

        assertTensor("maxPoolApply with ties", backend.maxPoolApply(x, routing, 2), dtype, Shape.of(1, 2, 1, 1), 3, 2);
        assertTensor("maxPoolBackward with ties (one element per window)",
                backend.maxPoolBackward(dy, routing, 2, x.shape()), dtype, x.shape(), 5, 0, 0, 0, 0, 7, 0, 0);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void maxPoolApplyGathersFromAnyTensorOfTheInputsShape(DType dtype) {
        Tensor x = tensor(dtype, new double[] {1, 5, 2, 0, 3, 4, 8, 1, 0, 0, -1, -2, 9, 2, -3, -4}, 1, 1, 4, 4);
        double[] zValues = new double[16];
        for (int i = 0; i < zValues.length; i++) {
            zValues[i] = 100 + i;
        }
        Tensor z = tensor(dtype, zValues, 1, 1, 4, 4);

        assertTensor("maxPoolApply of another tensor", backend.maxPoolApply(z, backend.maxPoolRouting(x, 2), 2), dtype,
                Shape.of(1, 1, 2, 2), 101, 106, 112, 110);
    }

    @ParameterizedTest(name = "{0}, k {1}")
    @CsvSource({"FLOAT64,2", "FLOAT64,3", "FLOAT32,2", "FLOAT32,3"})
    void maxPoolMatchesItsDefinitionOnRandomData(DType dtype, int k) {
        Tensor x = random(dtype, 51, 2, 3, 6, 6);
        double[] v = backend.toDoubleArray(x);
        int p = 6 / k;
        double[] expected = new double[2 * 3 * p * p];
        for (int i = 0; i < expected.length; i++) {
            int plane = i / (p * p);
            int py = i / p % p;
            int px = i % p;
            expected[i] = Double.NEGATIVE_INFINITY;
            for (int dy = 0; dy < k; dy++) {
                for (int dx = 0; dx < k; dx++) {
                    expected[i] = Math.max(expected[i], v[(plane * 6 + py * k + dy) * 6 + px * k + dx]);
                }
            }
        }
        assertTensor("max pooling k " + k, backend.maxPoolApply(x, backend.maxPoolRouting(x, k), k), dtype,
                Shape.of(2, 3, p, p), expected);
    }

    @ParameterizedTest(name = "k {0}")
    @CsvSource({"2", "3"})
    void maxPoolBackwardIsTheAdjointOfMaxPoolApply(int k) {
        Tensor x = random(FLOAT64, 61, 2, 3, 6, 6);
        Tensor z = random(FLOAT64, 62, 2, 3, 6, 6);
        Tensor dy = random(FLOAT64, 63, 2, 3, 6 / k, 6 / k);
        Tensor routing = backend.maxPoolRouting(x, k);
        Tensor back = backend.maxPoolBackward(dy, routing, k, x.shape());

        assertThat(back.shape()).as("maxPoolBackward shape").isEqualTo(x.shape());
        assertRelativelyClose("<dy, maxPoolApply(z)> vs <maxPoolBackward(dy), z>", backend.dot(back, z),
                backend.dot(dy, backend.maxPoolApply(z, routing, k)), tolerance(FLOAT64));
        assertRelativelyClose("sum of maxPoolBackward(dy) vs sum of dy", backend.sum(back), backend.sum(dy),
                tolerance(FLOAT64));
    }

    // ---- classification -----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void argmaxRowsFindsTheLargestLogitOfEachRow(DType dtype) {
        Tensor logits = tensor(dtype, new double[] {1, 3, 2, -5, -1, -2, 0, 0.5, 7, 4, -4, 0}, 4, 3);

        assertThat(backend.argmaxRows(logits)).containsExactly(1, 1, 2, 0);
    }

    // ---- lifetimes ------------------------------------------------------------------------------------

    @Test
    void keptTensorsSurviveTheirScopeAndOuterTensorsAreUntouched() {
        Tensor outer = tensor(FLOAT64, new double[] {1, 2}, 2);
        Tensor kept;
        try (TensorScope scope = backend.scope()) {
            Tensor temporary = backend.scale(outer, 2);
            assertThat(backend.toDoubleArray(temporary)).containsExactly(2, 4);
            kept = scope.keep(backend.add(temporary, outer));
        }
        assertThat(backend.toDoubleArray(kept)).as("kept tensor after its scope closed").containsExactly(3, 6);
        assertThat(backend.toDoubleArray(outer)).as("tensor of the enclosing scope").containsExactly(1, 2);
    }

    @Test
    void keepMovesATensorOneScopeOutward() {
        Tensor x = tensor(FLOAT32, new double[] {1, -1}, 2);
        Tensor survivor;
        try (TensorScope outer = backend.scope()) {
            Tensor middle;
            try (TensorScope inner = backend.scope()) {
                middle = inner.keep(backend.scale(x, 3));
            }
            assertThat(backend.toDoubleArray(middle)).as("kept by the inner scope").containsExactly(3, -3);
            survivor = outer.keep(middle);
        }
        assertThat(backend.toDoubleArray(survivor)).as("kept by both scopes").containsExactly(3, -3);
    }

    @Test
    void aLoopOfScopesKeepsOnlyItsAccumulator() {
        Tensor ones = tensor(FLOAT64, new double[] {1, 1, 1}, 3);
        Tensor accumulator = backend.zeros(Shape.of(3), FLOAT64);
        for (int i = 0; i < 50; i++) {
            try (TensorScope scope = backend.scope()) {
                Tensor step = backend.scale(ones, i);
                accumulator = scope.keep(backend.add(accumulator, step));
            }
        }
        assertThat(backend.toDoubleArray(accumulator)).containsExactly(1225, 1225, 1225);
    }

    @Test
    void closingATensorTwiceOrBeforeItsScopeIsHarmless() {
        assertThatCode(() -> {
            try (TensorScope scope = backend.scope()) {
                Tensor t = backend.zeros(Shape.of(2), FLOAT32);
                t.close();
                t.close();
            }
        }).doesNotThrowAnyException();
    }

    // ---- validation ----------------------------------------------------------------------------------

    @Test
    void mismatchedShapesAreRejected() {
        Tensor a = backend.zeros(Shape.of(2, 3), FLOAT64);
        Tensor b = backend.zeros(Shape.of(3, 2), FLOAT64);
        Tensor a32 = backend.zeros(Shape.of(2, 3), FLOAT32);
        Tensor image = backend.zeros(Shape.of(1, 2, 5, 5), FLOAT64);
        Tensor kernel = backend.zeros(Shape.of(3, 1, 3, 3), FLOAT64);

        assertRejected("fromArray with too few values", () -> backend.fromArray(new double[5], Shape.of(2, 3), FLOAT64));
        assertRejected("add of [2,3] and [3,2]", () -> backend.add(a, b));
        assertRejected("add of FLOAT64 and FLOAT32", () -> backend.add(a, a32));
        assertRejected("reshape of 6 elements to [4]", () -> backend.reshape(a, Shape.of(4)));
        assertRejected("matmul [2,3]·[2,3]", () -> backend.matmul(a, a, false, false));
        assertRejected("conv2d with 2 input channels and a 1-channel kernel", () -> backend.conv2d(image, kernel, 0));
        assertRejected("maxPoolRouting of 5x5 by 2", () -> backend.maxPoolRouting(image, 2));
    }

    private static void assertRejected(String what, ThrowingCallable call) {
        assertThatThrownBy(call).as(what).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** The backend under test, for subclasses that add backend-specific tests. */
    protected final TensorOps backend() {
        return backend;
    }

    protected final Tensor tensor(DType dtype, double[] values, int... dims) {
        return backend.fromArray(values, Shape.of(dims), dtype);
    }

    /** Uniform values in [-1, 1) from a seed, independent of the backend's own random numbers. */
    protected final Tensor random(DType dtype, long seed, int... dims) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[Shape.of(dims).intSize()];
        for (int i = 0; i < values.length; i++) {
            values[i] = 2 * random.nextDouble() - 1;
        }
        return tensor(dtype, values, dims);
    }

    protected final void assertTensor(String what, Tensor actual, DType dtype, Shape shape, double... expected) {
        String label = what + " [" + dtype + "]";
        assertThat(actual.shape()).as("%s: shape", label).isEqualTo(shape);
        assertThat(actual.dtype()).as("%s: dtype", label).isEqualTo(dtype);
        assertValues(label, backend.toDoubleArray(actual), expected, tolerance(dtype));
    }

    private static double[] inDtype(double[] values, DType dtype) {
        double[] out = values.clone();
        if (dtype == FLOAT32) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) out[i];
            }
        }
        return out;
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /** Cross-correlation straight from its definition, one output element at a time. */
    private static double[] naiveConv(double[] x, Shape xs, double[] w, Shape ws, int pad) {
        int n = xs.dim(0), c = xs.dim(1), h = xs.dim(2), wd = xs.dim(3), o = ws.dim(0), k = ws.dim(2);
        int oh = h + 2 * pad - k + 1;
        int ow = wd + 2 * pad - k + 1;
        double[] y = new double[n * o * oh * ow];
        int index = 0;
        for (int b = 0; b < n; b++) {
            for (int out = 0; out < o; out++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double s = 0;
                        for (int in = 0; in < c; in++) {
                            for (int u = 0; u < k; u++) {
                                for (int v = 0; v < k; v++) {
                                    int r = i + u - pad;
                                    int q = j + v - pad;
                                    if (r >= 0 && r < h && q >= 0 && q < wd) {
                                        s += x[((b * c + in) * h + r) * wd + q] * w[((out * c + in) * k + u) * k + v];
                                    }
                                }
                            }
                        }
                        y[index++] = s;
                    }
                }
            }
        }
        return y;
    }
}
