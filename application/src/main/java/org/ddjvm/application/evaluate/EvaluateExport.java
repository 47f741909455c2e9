package org.ddjvm.application.evaluate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ddjvm.application.distill.ExportMapping;
import org.ddjvm.application.export.DistilledExport;
import org.ddjvm.application.export.ExportReader;
import org.ddjvm.application.export.ExportedRun;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.DatasetSource;
import org.ddjvm.domain.data.Split;
import org.ddjvm.domain.distill.InitMode;
import org.ddjvm.domain.distill.WeightVector;
import org.ddjvm.domain.evaluation.EvaluationInits;
import org.ddjvm.domain.evaluation.EvaluationResult;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.nn.Network;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.HelperLanes;
import org.ddjvm.domain.tensor.TensorOps;

/** Use case "evaluate": train fresh nets on an exported distilled set and measure test accuracy. */
public final class EvaluateExport {

    private final TensorOps ops;
    private final DatasetSource datasets;
    private final ExportReader reader;
    private final HelperLanes lanes;

    public EvaluateExport(TensorOps ops, DatasetSource datasets, ExportReader reader) {
        this(ops, datasets, reader, HelperLanes.NONE);
    }

    public EvaluateExport(TensorOps ops, DatasetSource datasets, ExportReader reader, HelperLanes lanes) {
        this.ops = ops;
        this.datasets = datasets;
        this.reader = reader;
        this.lanes = lanes;
    }

    /**
     * @param nets held-out random initialisations to evaluate (ignored for a fixed-init export, which is
     *             evaluated from the θ0 it carries)
     */
    public EvaluationResult evaluate(Path dir, int nets, long seed) {
        ExportedRun run;
        try {
            run = reader.read(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
        }
        DistilledExport export = run.export();
        DatasetDescriptor dataset = DatasetDescriptor.byName(export.dataset());
        Network network = Architectures.byName(export.arch(), export.channels(), export.height(), export.width(),
                export.classes());
        InitMode mode = run.summary().fixedInit() ? InitMode.FIXED : InitMode.RANDOM;
        WeightVector theta0 = mode == InitMode.FIXED ? theta0(export, network) : null;
        List<WeightVector> inits = EvaluationInits.of(mode, theta0, network, seed, nets);
        return new Evaluations(ops, network, DType.FLOAT32, lanes)
                .distilled(ExportMapping.toDataset(export), inits, datasets.load(dataset, Split.TEST));
    }

    private static WeightVector theta0(DistilledExport export, Network network) {
        List<double[]> values = new ArrayList<>();
        for (var spec : network.parameters()) {
            DistilledExport.Parameter p = export.theta0().get(spec.name());
            if (p == null) {
                throw new IllegalArgumentException("distilled.npz has no theta0." + spec.name()
                        + ", which a fixed-init export must carry");
            }
            float[] f = p.values();
            double[] d = new double[f.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = f[i];
            }
            values.add(d);
        }
        return new WeightVector(network.parameters(), values);
    }
}
