package org.ddjvm.application.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class StepsImageRendererTest {

    private static final RunSummary.Normalization MNIST =
            new RunSummary.Normalization(new double[] {0.1307}, new double[] {0.3081});

    @Test
    void pngIsValidAndHasOneRowPerStepAndOneCellPerImage() throws Exception {
        int steps = 3;
        DistilledExport export = new DistilledExport("mnist", "lenet", 1, steps, 2, 10, 1, 28, 28,
                new float[steps * 10 * 28 * 28], DistilledExport.classMajorLabels(steps, 10, 1),
                new float[] {.02f, .019f, .018f, .017f, .016f, .015f}, Map.of());
        StepsImageRenderer renderer = new StepsImageRenderer(2);

        byte[] png = renderer.renderPng(export, MNIST);

        assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        int m = StepsImageRenderer.MARGIN;
        int gap = StepsImageRenderer.GAP;
        // rows of 56 pixels (28 × 2), 3 rows
        assertThat(image.getHeight()).isEqualTo(2 * m + steps * 56 + (steps - 1) * gap);
        // 10 cells of 56 pixels, then the label column
        int imagesWidth = 10 * 56 + 9 * gap;
        assertThat(image.getWidth()).isGreaterThan(2 * m + imagesWidth + StepsImageRenderer.LABEL_GAP + 40);
        BufferedImage direct = renderer.render(export, MNIST);
        assertThat(image.getWidth()).isEqualTo(direct.getWidth());
        assertThat(image.getHeight()).isEqualTo(direct.getHeight());
        // zeros de-normalise to the mean: 0.1307 → 33; the gaps between cells stay white
        assertThat(image.getRGB(m, m) & 0xFFFFFF).isEqualTo(0x212121);
        assertThat(image.getRGB(m + 56, m) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(image.getRGB(m + 56 + gap, m) & 0xFFFFFF).isEqualTo(0x212121);
    }

    @Test
    void heightIsExactWhenImagesAreTallerThanText() {
        DistilledExport export = new DistilledExport("mnist", "lenet", 1, 2, 1, 10, 1, 28, 28,
                new float[2 * 10 * 28 * 28], DistilledExport.classMajorLabels(2, 10, 1), new float[] {.02f, .01f},
                Map.of());

        BufferedImage image = new StepsImageRenderer().render(export, MNIST);

        // default scale for 28×28 is 3: 84-pixel rows
        assertThat(image.getHeight()).isEqualTo(2 * 4 + 2 * 84 + 2);
        assertThat(image.getWidth()).isGreaterThan(2 * 4 + 10 * 84 + 9 * 2 + 8);
        assertThat(new StepsImageRenderer().scaleFor(export)).isEqualTo(3);
    }

    @Test
    void pixelsAreDenormalisedClampedAndEnlarged() {
        float[] images = new float[1 * 1 * 1 * 2 * 2];
        images[0] = (float) ((0.6 - 0.1307) / 0.3081); // 0.6 after de-normalising: 153
        images[1] = 100f;                              // clamps to white
        images[2] = -100f;                             // clamps to black
        images[3] = Float.NaN;                         // black
        DistilledExport export = new DistilledExport("mnist", "lenet", 1, 1, 1, 1, 1, 2, 2, images, new int[1],
                new float[] {0.02f}, Map.of());

        BufferedImage image = new StepsImageRenderer(2).render(export, MNIST);

        int m = StepsImageRenderer.MARGIN;
        int top = m + (image.getHeight() - 2 * m - 4) / 2;
        for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
                assertThat(image.getRGB(m + dx, top + dy) & 0xFFFFFF).isEqualTo(0x999999);
                assertThat(image.getRGB(m + 2 + dx, top + dy) & 0xFFFFFF).isEqualTo(0xFFFFFF);
                assertThat(image.getRGB(m + dx, top + 2 + dy) & 0xFFFFFF).isEqualTo(0x000000);
                assertThat(image.getRGB(m + 2 + dx, top + 2 + dy) & 0xFFFFFF).isEqualTo(0x000000);
            }
        }
    }

    @Test
    void rgbUsesEachChannelsNormalisation() {
        float[] images = {0f, 0f, 0f}; // one 1×1 RGB image: de-normalises to the means
        DistilledExport export = new DistilledExport("cifar10", "alexcifarnet", 1, 1, 1, 1, 3, 1, 1, images,
                new int[1], new float[] {0.001f}, Map.of());
        RunSummary.Normalization cifar = new RunSummary.Normalization(new double[] {1.0, 0.5, 0.0},
                new double[] {0.247, 0.243, 0.261});

        BufferedImage image = new StepsImageRenderer(2).render(export, cifar);

        int m = StepsImageRenderer.MARGIN;
        int top = m + (image.getHeight() - 2 * m - 2) / 2;
        assertThat(image.getRGB(m, top) & 0xFFFFFF).isEqualTo(0xFF8000);
    }

    @Test
    void labelsListEveryRateOfTheStepRow() {
        DistilledExport export = ExportFixtures.export(2, false, 3); // lrs .020 .019 .018 .017 .016 .015, S 2
        assertThat(export.ratesOfStep(0)).containsExactly(0.02f, 0.018f, 0.016f);
        assertThat(StepsImageRenderer.rateLabel("η", export.ratesOfStep(0))).isEqualTo("η 0.02 0.018 0.016");
        assertThat(StepsImageRenderer.rateLabel("η", export.ratesOfStep(1))).isEqualTo("η 0.019 0.017 0.015");
        assertThat(StepsImageRenderer.formatRate(0.0213456f)).isEqualTo("0.0213");
        assertThat(StepsImageRenderer.formatRate(1.5f)).isEqualTo("1.5");
        assertThat(StepsImageRenderer.formatRate(1.234e-6f)).isEqualTo("1.23e-06");
        assertThat(StepsImageRenderer.formatRate(-0.5f)).isEqualTo("-0.5");
        assertThat(StepsImageRenderer.formatRate(0f)).isEqualTo("0");
    }

    @Test
    void labelTextIsDrawnBesideTheRows() {
        DistilledExport export = ExportFixtures.export(2, false, 3);
        BufferedImage image = new StepsImageRenderer(3).render(export, MNIST);
        int labelLeft = StepsImageRenderer.MARGIN + 6 * 15 + 5 * StepsImageRenderer.GAP
                + StepsImageRenderer.LABEL_GAP;
        assertThat(darkPixels(image, labelLeft, image.getWidth())).isGreaterThan(20);
    }

    @Test
    void pixelFontFallbackHasTheSameLayout() throws Exception {
        DistilledExport export = ExportFixtures.export(2, false, 3);
        StepsImageRenderer pixelFont = new StepsImageRenderer(3, false);

        BufferedImage image = pixelFont.render(export, MNIST);

        String label = "η 0.019 0.017 0.015"; // the longer of the two rows' labels
        int textWidth = (label.length() * 6 - 1) * 2;
        int imagesWidth = 6 * 15 + 5 * StepsImageRenderer.GAP;
        assertThat(image.getWidth()).isEqualTo(2 * StepsImageRenderer.MARGIN + imagesWidth
                + StepsImageRenderer.LABEL_GAP + textWidth);
        assertThat(image.getHeight()).isEqualTo(2 * StepsImageRenderer.MARGIN + 2 * 14 + StepsImageRenderer.GAP);
        int labelLeft = StepsImageRenderer.MARGIN + imagesWidth + StepsImageRenderer.LABEL_GAP;
        assertThat(darkPixels(image, labelLeft, image.getWidth())).isGreaterThan(20);
        assertThat(ImageIO.read(new ByteArrayInputStream(StepsImageRenderer.toPng(image)))).isNotNull();
    }

    @Test
    void refusesUnsupportedChannelCounts() {
        DistilledExport twoChannels = new DistilledExport("x", "y", 1, 1, 1, 1, 2, 1, 1, new float[2], new int[1],
                new float[1], Map.of());
        assertThatThrownBy(() -> new StepsImageRenderer().render(twoChannels,
                new RunSummary.Normalization(new double[] {0, 0}, new double[] {1, 1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 2");
        assertThatThrownBy(() -> new StepsImageRenderer(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int darkPixels(BufferedImage image, int fromX, int toX) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = fromX; x < toX; x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
