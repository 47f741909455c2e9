package org.ddjvm.adapters.web.images;

import java.util.Arrays;
import java.util.Map;
import org.ddjvm.application.export.DistilledExport;

/** One step of a distilled export as an export of its own: the step's images and labels, and its E rates. */
final class StepSlice {

    private StepSlice() {
    }

    /** @throws IndexOutOfBoundsException when the export has no step {@code step} */
    static DistilledExport of(DistilledExport export, int step) {
        if (step < 0 || step >= export.steps()) {
            throw new IndexOutOfBoundsException("step " + step + " of " + export.steps());
        }
        int n = export.imagesPerStep();
        int perStep = n * export.channels() * export.height() * export.width();
        float[] images = Arrays.copyOfRange(export.images(), step * perStep, (step + 1) * perStep);
        int[] labels = Arrays.copyOfRange(export.labels(), step * n, (step + 1) * n);
        return new DistilledExport(export.dataset(), export.arch(), export.ipc(), 1, export.epochs(),
                export.classes(), export.channels(), export.height(), export.width(), images, labels,
                export.ratesOfStep(step), Map.of());
    }
}
