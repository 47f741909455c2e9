package org.ddjvm.application.export;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Objects;

import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws {@code steps.png}: one row per distill step, the n = classes·ipc images of that step side by side
 * (de-normalised with the run's mean/std, clamped to [0, 1], enlarged {@link #scale()}×, grayscale or RGB by
 * channel count), and beside each row the learned rates of that step, {@code η η[s] η[s+S] …} (E values).
 *
 * <p>Layout, in image pixels: a {@link #MARGIN} border; images {@link #GAP} apart and rows {@link #GAP} apart;
 * a row is as high as an enlarged image (or the text, if taller); the label starts {@link #LABEL_GAP} right of
 * the last image. The background is white. Works headless: it sets nothing global and, where the JVM has no
 * usable fonts, draws the labels with a built-in pixel font.
 */
public final class StepsImageRenderer {

    public static final int MARGIN = 4;
    public static final int GAP = 2;
    public static final int LABEL_GAP = 8;

    private static final int BACKGROUND = 0xFFFFFF;
    private static final int TEXT = 0x000000;

    private final int scale;
    private final boolean awtFonts;

    /** A renderer that enlarges ×3 images up to 32 pixels high and wide, ×2 larger ones. */
    public StepsImageRenderer() {
        this(0, true);
    }

    /** A renderer with a fixed enlargement, 1 to 8. */
    public StepsImageRenderer(int scale) {
        this(scale, true);
        if (scale < 1 || scale > 8) {
            throw new IllegalArgumentException("scale must be 1 to 8, was " + scale);
        }
    }

    /** @param awtFonts false to draw labels with the pixel font only (for tests of the fallback) */
    StepsImageRenderer(int scale, boolean awtFonts) {
        this.scale = scale;
        this.awtFonts = awtFonts;
    }

    /** The fixed enlargement, or 0 when it is chosen per image size. */
    public int scale() {
        return scale;
    }

    /** The enlargement used for {@code export}. */
    public int scaleFor(DistilledExport export) {
        if (scale > 0) {
            return scale;
        }
        return Math.max(export.height(), export.width()) <= 32 ? 3 : 2;
    }

    /** The picture; {@code normalization} has one mean/std per channel (or one for all channels). */
    public BufferedImage render(DistilledExport export, RunSummary.Normalization normalization) {
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(normalization, "normalization");
        int channels = export.channels();
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("steps.png shows 1 (grayscale) or 3 (RGB) channels, not " + channels);
        }
        if (normalization.channels() != channels && normalization.channels() != 1) {
            throw new IllegalArgumentException("normalization has " + normalization.channels()
                    + " channels but the images have " + channels);
        }
        int k = scaleFor(export);
        int steps = export.steps();
        int n = export.imagesPerStep();
        int cellW = export.width() * k;
        int cellH = export.height() * k;
        String[] labels = new String[steps];
        Text text = text(k);
        String prefix = text.canDisplay('η') ? "η" : "lr";
        int labelWidth = 0;
        for (int s = 0; s < steps; s++) {
            labels[s] = rateLabel(prefix, export.ratesOfStep(s));
            labelWidth = Math.max(labelWidth, text.width(labels[s]));
        }
        int rowH = Math.max(cellH, text.height());
        long imagesWidth = (long) n * cellW + (long) (n - 1) * GAP;
        long width = MARGIN + imagesWidth + LABEL_GAP + labelWidth + MARGIN;
        long height = MARGIN + (long) steps * rowH + (long) (steps - 1) * GAP + MARGIN;
        if (width * height > 200_000_000L) {
            throw new IllegalArgumentException("steps.png would be " + width + "×" + height + " pixels; too large");
        }
        BufferedImage image = new BufferedImage((int) width, (int) height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, BACKGROUND);
            }
        }
        double[] mean = normalization.mean();
        double[] std = normalization.std();
        for (int s = 0; s < steps; s++) {
            int top = MARGIN + s * (rowH + GAP);
            int imageTop = top + (rowH - cellH) / 2;
            for (int i = 0; i < n; i++) {
                int left = MARGIN + i * (cellW + GAP);
                for (int y = 0; y < export.height(); y++) {
                    for (int x = 0; x < export.width(); x++) {
                        int rgb;
                        if (channels == 1) {
                            int v = toByte(export.pixel(s, i, 0, y, x), mean[0], std[0]);
                            rgb = v << 16 | v << 8 | v;
                        } else {
                            int r = toByte(export.pixel(s, i, 0, y, x), mean[0], std[0]);
                            int c1 = mean.length == 1 ? 0 : 1;
                            int c2 = mean.length == 1 ? 0 : 2;
                            int g = toByte(export.pixel(s, i, 1, y, x), mean[c1], std[c1]);
                            int b = toByte(export.pixel(s, i, 2, y, x), mean[c2], std[c2]);
                            rgb = r << 16 | g << 8 | b;
                        }
                        for (int dy = 0; dy < k; dy++) {
                            for (int dx = 0; dx < k; dx++) {
                                image.setRGB(left + x * k + dx, imageTop + y * k + dy, rgb);
                            }
                        }
                    }
                }
            }
            int labelLeft = (int) (MARGIN + imagesWidth + LABEL_GAP);
            text.draw(image, labels[s], labelLeft, top + (rowH - text.height()) / 2);
        }
        return image;
    }

    /** The picture as PNG bytes. */
    public byte[] renderPng(DistilledExport export, RunSummary.Normalization normalization) {
        return toPng(render(export, normalization));
    }

    /**
     * Encodes any image as PNG, in memory: ImageIO's default file-backed stream registers a shutdown hook, which
     * fails while the JVM is shutting down — exactly when Ctrl-C asks a distillation to export what it has.
     */
    public static byte[] toPng(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no PNG writer available in javax.imageio");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** De-normalise, clamp to [0, 1], scale to 0…255 (NaN gives 0). */
    static int toByte(float value, double mean, double std) {
        double unit = value * std + mean;
        if (!(unit > 0)) {
            return 0;
        }
        return (int) Math.round(Math.min(unit, 1.0) * 255.0);
    }

    /** {@code "η 0.021 0.018 0.015"}. */
    static String rateLabel(String prefix, float[] rates) {
        StringBuilder sb = new StringBuilder(prefix);
        for (float r : rates) {
            sb.append(' ').append(formatRate(r));
        }
        return sb.toString();
    }

    /** Three significant digits, plain notation between 1e-4 and 1e4, scientific outside. */
    static String formatRate(float rate) {
        if (Float.isNaN(rate) || Float.isInfinite(rate)) {
            return Float.toString(rate);
        }
        if (rate == 0) {
            return "0";
        }
        double magnitude = Math.abs(rate);
        if (magnitude >= 1e-4 && magnitude < 1e4) {
            return new BigDecimal(Float.toString(rate)).round(new MathContext(3)).stripTrailingZeros()
                    .toPlainString();
        }
        return String.format(Locale.ROOT, "%.2e", rate);
    }

    private Text text(int k) {
        if (awtFonts) {
            try {
                return new AwtText(new Font(Font.SANS_SERIF, Font.PLAIN, 10 + 2 * k));
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable noFonts) {
                // headless JVM without usable fonts: fall through to the pixel font
            }
        }
        return new PixelText(new BitmapText(Math.max(1, k - 1)));
    }

    /** Measures and draws one line of label text. */
    private interface Text {
        boolean canDisplay(char c);

        int width(String s);

        int height();

        void draw(BufferedImage image, String s, int x, int top);
    }

    private static final class AwtText implements Text {
        private final Font font;
        private final FontMetrics metrics;

        AwtText(Font font) {
            this.font = font;
            BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scratch.createGraphics();
            try {
                g.setFont(font);
                this.metrics = g.getFontMetrics();
                metrics.stringWidth("η 0.0123456789"); // fail here, not mid-render, when fonts are unusable
            } finally {
                g.dispose();
            }
        }

        @Override
        public boolean canDisplay(char c) {
            return font.canDisplay(c);
        }

        @Override
        public int width(String s) {
            return metrics.stringWidth(s);
        }

        @Override
        public int height() {
            return metrics.getAscent() + metrics.getDescent();
        }

        @Override
        public void draw(BufferedImage image, String s, int x, int top) {
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(new Color(TEXT));
                g.setFont(font);
                g.drawString(s, x, top + metrics.getAscent());
            } finally {
                g.dispose();
            }
        }
    }

    private record PixelText(BitmapText font) implements Text {
        @Override
        public boolean canDisplay(char c) {
            return true;
        }

        @Override
        public int width(String s) {
            return font.width(s);
        }

        @Override
        public int height() {
            return font.height();
        }

        @Override
        public void draw(BufferedImage image, String s, int x, int top) {
            font.draw(image, s, x, top, TEXT);
        }
    }
}
