package org.ddjvm.application.distill;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ddjvm.application.export.DistilledExport;
import org.ddjvm.application.export.RunSummary;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.DistilledDataset;
import org.ddjvm.domain.distill.LearningRates;
import org.ddjvm.domain.distill.WeightVector;
import org.ddjvm.domain.evaluation.EvaluationResult;
import org.ddjvm.domain.evaluation.MeanStd;
import org.ddjvm.domain.tensor.Shape;

/** Between the domain's results and the export format. */
public final class ExportMapping {

    private ExportMapping() {
    }

    public static DistilledExport toExport(String dataset, String arch, DistilledDataset data, WeightVector theta0) {
        Shape sample = data.sampleShape();
        Map<String, DistilledExport.Parameter> params = new LinkedHashMap<>();
        if (theta0 != null) {
            for (int i = 0; i < theta0.specs().size(); i++) {
                params.put(theta0.specs().get(i).name(), new DistilledExport.Parameter(
                        theta0.specs().get(i).shape().dims(), toFloats(theta0.values().get(i))));
            }
        }
        float[] lrs = new float[data.innerSteps()];
        for (int t = 0; t < lrs.length; t++) {
            lrs[t] = (float) data.learningRate(t);
        }
        return new DistilledExport(dataset, arch, data.imagesPerClass(), data.steps(), data.epochs(), data.classes(),
                sample.dim(0), sample.dim(1), sample.dim(2), toFloats(data.images()),
                DistilledExport.classMajorLabels(data.steps(), data.classes(), data.imagesPerClass()), lrs, params);
    }

    /** The distilled data as the domain takes it back; rates are stored effective, so raw = softplus⁻¹. */
    public static DistilledDataset toDataset(DistilledExport export) {
        float[] images = export.images();
        double[] d = new double[images.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = images[i];
        }
        float[] lrs = export.lrs();
        double[] raw = new double[lrs.length];
        for (int t = 0; t < raw.length; t++) {
            raw[t] = LearningRates.inverseSoftplus(lrs[t]);
        }
        return new DistilledDataset(export.steps(), export.epochs(), export.classes(), export.ipc(),
                Shape.of(export.channels(), export.height(), export.width()), d, raw);
    }

    public static RunSummary summary(DistillationConfig config, DatasetDescriptor dataset, String backend,
                                     long iterations, double wallSeconds, double secondsPerIteration,
                                     EvaluationResult accuracy, String baselineName, EvaluationResult baseline) {
        MeanStd before = accuracy.before();
        MeanStd after = accuracy.after();
        RunSummary.Baseline base = baseline == null ? null
                : new RunSummary.Baseline(baselineName, baseline.after().mean(), stdOrNaN(baseline.after()));
        return new RunSummary(config.dataset(), config.architecture(), config.imagesPerClass(), config.steps(),
                config.epochs(), config.init().label(), config.seed(), backend,
                RunSummary.Normalization.of(dataset.normalization()), iterations, wallSeconds, secondsPerIteration,
                new RunSummary.Accuracy(new RunSummary.MeanStd(before.mean(), stdOrNaN(before)),
                        new RunSummary.MeanStdNets(after.mean(), stdOrNaN(after), after.count())),
                base);
    }

    private static double stdOrNaN(MeanStd m) {
        return m.count() > 1 ? m.std() : Double.NaN;
    }

    private static float[] toFloats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }
}
