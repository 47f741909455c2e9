package org.ddjvm.application.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportWriterReaderTest {

    @TempDir
    Path tmp;

    private final ExportWriter writer = new ExportWriter();
    private final ExportReader reader = new ExportReader();

    @Test
    void roundTripWithFixedInit() throws Exception {
        DistilledExport export = ExportFixtures.export(2, true, 11);
        RunSummary summary = ExportFixtures.summary(export, RunSummary.INIT_FIXED);
        Path dir = tmp.resolve("run-1");

        writer.write(dir, export, summary);

        assertThat(files(dir)).containsExactlyInAnyOrder("distilled.npz", "steps.png", "summary.json");
        ExportedRun back = reader.read(dir);
        assertThat(back.export()).isEqualTo(export);
        assertThat(back.summary()).isEqualTo(summary);
        assertThat(back.export().theta0().keySet()).containsExactly("conv1.weight", "conv1.bias", "conv2.weight",
                "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias");

        Map<String, NpyArray> arrays = new NpzReader().read(dir.resolve("distilled.npz"));
        assertThat(arrays.keySet()).startsWith("images", "labels", "lrs", "theta0.conv1.weight");
        assertThat(arrays.get("images").shape()).containsExactly(2, 6, 1, 4, 5);
        assertThat(arrays.get("images").dtype()).isEqualTo(NpyArray.DType.FLOAT32);
        assertThat(arrays.get("labels").shape()).containsExactly(2, 6);
        assertThat(arrays.get("labels").longs()).containsExactly(0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2);
        assertThat(arrays.get("lrs").shape()).containsExactly(6);
        assertThat(arrays.get("theta0.conv1.weight").shape()).containsExactly(6, 1, 5, 5);

        BufferedImage png = ImageIO.read(dir.resolve("steps.png").toFile());
        assertThat(png).isNotNull();
        assertThat(png.getWidth()).isGreaterThan(6 * 15);
    }

    @Test
    void roundTripWithRandomInitHasNoTheta0() throws Exception {
        DistilledExport export = ExportFixtures.export(3, false, 12);
        RunSummary summary = ExportFixtures.summary(export, RunSummary.INIT_RANDOM);

        writer.write(tmp, export, summary);

        ExportedRun back = reader.read(tmp);
        assertThat(back.export()).isEqualTo(export);
        assertThat(back.export().hasTheta0()).isFalse();
        assertThat(new NpzReader().read(tmp.resolve("distilled.npz")).keySet())
                .containsExactly("images", "labels", "lrs");
    }

    @Test
    void exportingOverAPreviousExportReplacesItCleanly() throws Exception {
        DistilledExport first = ExportFixtures.export(3, true, 1);
        writer.write(tmp, first, ExportFixtures.summary(first, RunSummary.INIT_FIXED));
        byte[] firstPng = Files.readAllBytes(tmp.resolve("steps.png"));
        // a temporary file an interrupted export left behind, and a file that is not ours
        Files.write(tmp.resolve(".distilled.npz.0f1e2d3c.tmp"), new byte[] {1, 2, 3});
        Files.writeString(tmp.resolve("notes.txt"), "mine");

        DistilledExport second = ExportFixtures.export(1, false, 2);
        RunSummary secondSummary = ExportFixtures.summary(second, RunSummary.INIT_RANDOM);
        writer.write(tmp, second, secondSummary);

        assertThat(files(tmp)).containsExactlyInAnyOrder("distilled.npz", "steps.png", "summary.json", "notes.txt");
        ExportedRun back = reader.read(tmp);
        assertThat(back.export()).isEqualTo(second);
        assertThat(back.summary()).isEqualTo(secondSummary);
        assertThat(new NpzReader().read(tmp.resolve("distilled.npz")).keySet())
                .containsExactly("images", "labels", "lrs");
        assertThat(Files.readAllBytes(tmp.resolve("steps.png"))).isNotEqualTo(firstPng);
        assertThat(ImageIO.read(tmp.resolve("steps.png").toFile()).getHeight())
                .isLessThan(ImageIO.read(new java.io.ByteArrayInputStream(firstPng)).getHeight());
    }

    @Test
    void aFailedExportLeavesThePreviousOneIntactAndNoTemporaries() throws Exception {
        DistilledExport good = ExportFixtures.export(2, true, 1);
        RunSummary goodSummary = ExportFixtures.summary(good, RunSummary.INIT_FIXED);
        writer.write(tmp, good, goodSummary);
        byte[] npzBefore = Files.readAllBytes(tmp.resolve("distilled.npz"));

        // two-channel images: the npz can be built, the picture cannot, so the export fails midway
        DistilledExport twoChannels = new DistilledExport("mnist", "lenet", 1, 1, 1, 1, 2, 1, 1, new float[2],
                new int[1], new float[1], Map.of());
        RunSummary twoChannelSummary = new RunSummary("mnist", "lenet", 1, 1, 1, "random", 1, "djl",
                new RunSummary.Normalization(new double[] {0, 0}, new double[] {1, 1}), 1, 1, 1,
                goodSummary.accuracy(), null);
        assertThatThrownBy(() -> writer.write(tmp, twoChannels, twoChannelSummary))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(files(tmp)).containsExactlyInAnyOrder("distilled.npz", "steps.png", "summary.json");
        assertThat(Files.readAllBytes(tmp.resolve("distilled.npz"))).isEqualTo(npzBefore);
        assertThat(reader.read(tmp).export()).isEqualTo(good);
    }

    @Test
    void writerRefusesASummaryThatDoesNotDescribeTheData() {
        DistilledExport export = ExportFixtures.export(2, false, 1);
        RunSummary s = ExportFixtures.summary(export, RunSummary.INIT_FIXED);
        assertThatThrownBy(() -> writer.write(tmp, export, s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("init is 'fixed' but the export has no theta0");
        RunSummary otherSteps = new RunSummary(s.dataset(), s.arch(), s.ipc(), 5, s.epochs(), "random", s.seed(),
                s.backend(), s.normalization(), s.iterations(), s.wallSeconds(), s.secondsPerIteration(),
                s.accuracy(), s.baseline());
        assertThatThrownBy(() -> writer.write(tmp, export, otherSteps))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("steps 2 vs 5");
        assertThat(files(tmp)).isEmpty();
    }

    @Test
    void missingFolderAndFilesAreNamed() throws Exception {
        Path absent = tmp.resolve("nope");
        assertThatThrownBy(() -> reader.read(absent)).isInstanceOf(ExportFormatException.class)
                .hasMessage(absent + ": export folder not found");

        DistilledExport export = ExportFixtures.export(2, false, 1);
        writer.write(tmp, export, ExportFixtures.summary(export, RunSummary.INIT_RANDOM));
        Files.delete(tmp.resolve("distilled.npz"));
        assertThatThrownBy(() -> reader.read(tmp)).hasMessage(tmp.resolve("distilled.npz") + ": file not found");
        Files.delete(tmp.resolve("summary.json"));
        assertThatThrownBy(() -> reader.read(tmp)).hasMessage(tmp.resolve("summary.json") + ": file not found");
    }

    @Test
    void badJsonAndMissingFieldsAreNamed() throws Exception {
        DistilledExport export = ExportFixtures.export(2, false, 1);
        writer.write(tmp, export, ExportFixtures.summary(export, RunSummary.INIT_RANDOM));
        Path summaryFile = tmp.resolve("summary.json");
        String text = Files.readString(summaryFile);

        Files.writeString(summaryFile, text.substring(0, text.length() / 2));
        assertThatThrownBy(() -> reader.read(tmp)).isInstanceOf(ExportFormatException.class)
                .hasMessageStartingWith(summaryFile + ": bad JSON: ").hasMessageNotContaining("\n");

        Files.writeString(summaryFile, text.replace("\"backend\" : \"djl\",", ""));
        assertThatThrownBy(() -> reader.read(tmp)).hasMessage(summaryFile + ": missing field 'backend'");
    }

    @Test
    void shapeMismatchBetweenImagesAndSummaryIsNamed() throws Exception {
        DistilledExport export = ExportFixtures.export(2, false, 1);
        writer.write(tmp, export, ExportFixtures.summary(export, RunSummary.INIT_RANDOM));
        Path summaryFile = tmp.resolve("summary.json");
        String text = Files.readString(summaryFile);
        Path npz = tmp.resolve("distilled.npz");

        Files.writeString(summaryFile, text.replace("\"steps\" : 2", "\"steps\" : 3"));
        assertThatThrownBy(() -> reader.read(tmp)).isInstanceOf(ExportFormatException.class).hasMessage(npz
                + ": entry 'images.npy' has shape (2, 6, 1, 4, 5): S = 2 but summary.json says steps = 3");

        Files.writeString(summaryFile, text.replace("\"ipc\" : 2", "\"ipc\" : 4"));
        assertThatThrownBy(() -> reader.read(tmp)).hasMessage(npz + ": entry 'images.npy' has shape "
                + "(2, 6, 1, 4, 5): n = 6 images per step is not a positive multiple of summary.json's ipc = 4");

        Files.writeString(summaryFile, text.replace("\"epochs\" : 3", "\"epochs\" : 2"));
        assertThatThrownBy(() -> reader.read(tmp)).hasMessage(npz
                + ": entry 'lrs.npy' has shape (6,), expected (4,) = steps·epochs from summary.json");

        Files.writeString(summaryFile, text.replace("\"init\" : \"random\"", "\"init\" : \"fixed\""));
        assertThatThrownBy(() -> reader.read(tmp)).hasMessage(npz
                + ": summary.json says init 'fixed' but there are no theta0.* entries");
    }

    @Test
    void badNpzContentIsNamed() throws Exception {
        DistilledExport export = ExportFixtures.export(2, false, 1);
        writer.write(tmp, export, ExportFixtures.summary(export, RunSummary.INIT_RANDOM));
        Path npz = tmp.resolve("distilled.npz");
        List<NpyArray> arrays = ExportWriter.arrays(export);

        new NpzWriter().write(npz, List.of(arrays.get(0), arrays.get(2)));
        assertThatThrownBy(() -> reader.read(tmp)).hasMessage(npz + ": missing entry 'labels.npy'");

        NpyArray badLabels = NpyArray.ofLongs("labels", new int[] {2, 6}, new long[] {0, 0, 1, 1, 2, 9, 0, 0, 1, 1,
                2, 2});
        new NpzWriter().write(npz, List.of(arrays.get(0), badLabels, arrays.get(2)));
        assertThatThrownBy(() -> reader.read(tmp)).hasMessage(npz
                + ": entry 'labels.npy' holds label 9 at index 5, outside [0, 3)");

        byte[] whole = new NpzWriter().toBytes(arrays);
        Files.write(npz, Arrays.copyOf(whole, whole.length - 30));
        assertThatThrownBy(() -> reader.read(tmp)).isInstanceOf(ExportFormatException.class)
                .hasMessageStartingWith(npz + ": not a valid npz (zip) archive");
    }

    @Test
    void float64ArraysFromOtherToolsAreAccepted() throws Exception {
        DistilledExport export = ExportFixtures.export(2, false, 1);
        writer.write(tmp, export, ExportFixtures.summary(export, RunSummary.INIT_RANDOM));
        List<NpyArray> arrays = ExportWriter.arrays(export);
        float[] images = export.images();
        double[] wide = new double[images.length];
        for (int i = 0; i < images.length; i++) {
            wide[i] = images[i];
        }
        new NpzWriter(NpzWriter.Compression.DEFLATED).write(tmp.resolve("distilled.npz"),
                List.of(NpyArray.ofDoubles("images", export.imagesShape(), wide), arrays.get(1), arrays.get(2)));

        assertThat(reader.read(tmp).export()).isEqualTo(export);
    }

    @Test
    void summaryFileIsPlainUtf8Json() throws Exception {
        DistilledExport export = ExportFixtures.export(1, false, 1);
        writer.write(tmp, export, ExportFixtures.summary(export, RunSummary.INIT_RANDOM));
        String text = Files.readString(tmp.resolve("summary.json"), StandardCharsets.UTF_8);
        assertThat(text).startsWith("{").contains("\"dataset\" : \"mnist\"").endsWith("}\n");
    }

    private static List<String> files(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
