package org.ddjvm.domain.data;

import java.util.List;

/** What the method needs to know about a dataset: its name, image geometry, classes and normalisation. */
public record DatasetDescriptor(String name, int channels, int height, int width, List<String> classNames,
                                Normalization normalization) {

    public DatasetDescriptor {
        classNames = List.copyOf(classNames);
    }

    public int classes() {
        return classNames.size();
    }

    public int pixelsPerImage() {
        return channels * height * width;
    }

    public static final DatasetDescriptor MNIST = new DatasetDescriptor("mnist", 1, 28, 28,
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            new Normalization(new double[] {0.1307}, new double[] {0.3081}));

    public static final DatasetDescriptor FASHION_MNIST = new DatasetDescriptor("fashion-mnist", 1, 28, 28,
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot"),
            // the values the authors' code uses for Fashion-MNIST
            new Normalization(new double[] {0.2860}, new double[] {0.3530}));

    /** The datasets this build can read, by name. */
    public static List<DatasetDescriptor> known() {
        return List.of(MNIST, FASHION_MNIST);
    }

    public static DatasetDescriptor byName(String name) {
        return known().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown dataset '" + name + "' (known: "
                        + String.join(", ", known().stream().map(DatasetDescriptor::name).toList()) + ")"));
    }
}
