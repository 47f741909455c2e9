package org.ddjvm.adapters.dl4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Raw libnd4j operations by name, always with their outputs allocated here (so that ND4J skips its own output-shape
 * pass), and the array plumbing the other classes share.
 */
final class Kernels {

    private Kernels() {
    }

    /** Runs custom op {@code name} on the inputs, writing into the given outputs, with integer arguments. */
    static void run(String name, INDArray[] inputs, INDArray[] outputs, int... integerArguments) {
        Nd4j.exec(DynamicCustomOp.builder(name).addInputs(inputs).addOutputs(outputs)
                .addIntegerArguments(integerArguments).build());
    }

    /** A new row-major array in the current workspace, contents undefined. */
    static INDArray empty(DataType dataType, long... shape) {
        return Nd4j.createUninitialized(dataType, shape, 'c');
    }

    /** The array itself when it is dense, row-major and starts its buffer; otherwise a row-major copy. */
    static INDArray dense(INDArray a) {
        if (a.ordering() == 'c' && a.offset() == 0 && Shape.hasDefaultStridesForShape(a)
                && a.data().length() == a.length()) {
            return a;
        }
        return a.dup('c');
    }
}
