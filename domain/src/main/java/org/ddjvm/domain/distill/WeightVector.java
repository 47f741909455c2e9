package org.ddjvm.domain.distill;

import java.util.ArrayList;
import java.util.List;
import org.ddjvm.domain.nn.Network;
import org.ddjvm.domain.nn.ParameterSpec;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorOps;

/** A network's weights held on the Java heap, one array per parameter in network order. */
public record WeightVector(List<ParameterSpec> specs, List<double[]> values) {

    public WeightVector {
        specs = List.copyOf(specs);
        List<double[]> copy = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            double[] v = values.get(i);
            if (v.length != specs.get(i).shape().size()) {
                throw new IllegalArgumentException(specs.get(i).name() + " needs " + specs.get(i).shape().size()
                        + " values, got " + v.length);
            }
            copy.add(v.clone());
        }
        values = List.copyOf(copy);
    }

    public List<Tensor> upload(TensorOps ops, DType dtype) {
        List<Tensor> tensors = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            tensors.add(ops.fromArray(values.get(i), specs.get(i).shape(), dtype));
        }
        return tensors;
    }

    public static WeightVector download(TensorOps ops, Network network, List<Tensor> tensors) {
        List<double[]> values = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) {
            values.add(ops.toDoubleArray(t));
        }
        return new WeightVector(network.parameters(), values);
    }
}
