package org.ddjvm.adapters.datasets;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.DatasetUnavailableException;
import org.ddjvm.domain.data.Split;

/**
 * The four IDX files of a dataset, their pinned digests, and where they are downloaded from by default. On disk
 * they live in {@code ROOT/<dataset name>/<file name>}.
 */
public record DatasetFiles(DatasetDescriptor dataset, URI defaultBaseUrl, DatasetFile trainImages,
                           DatasetFile trainLabels, DatasetFile testImages, DatasetFile testLabels) {

    public static final DatasetFiles MNIST = new DatasetFiles(DatasetDescriptor.MNIST,
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            new DatasetFile("train-images-idx3-ubyte.gz",
                    "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                    "0b367032e93c5d0cea0925647cfdb18614af8ee15f83e6f2fc2ad904a6835971",
                    "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
            new DatasetFile("train-labels-idx1-ubyte.gz",
                    "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                    "1787548bbe0bff1ec2ecdc0ef292b02df999e2d1a6002d27500982c652b17203",
                    "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
            new DatasetFile("t10k-images-idx3-ubyte.gz",
                    "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                    "1a1a05eab793c14bb050b398624a11b0ffd1a2953baed553b1b9bd079e2a20be",
                    "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
            new DatasetFile("t10k-labels-idx1-ubyte.gz",
                    "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
                    "b91679a0acfe4ba0e50a2437a903084cba1f5f92592b016a25a7dfd00455798b",
                    "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"));

    public static final DatasetFiles FASHION_MNIST = new DatasetFiles(DatasetDescriptor.FASHION_MNIST,
            URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
            new DatasetFile("train-images-idx3-ubyte.gz",
                    "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                    "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
                    "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
            new DatasetFile("train-labels-idx1-ubyte.gz",
                    "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                    "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
                    "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
            new DatasetFile("t10k-images-idx3-ubyte.gz",
                    "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                    "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
                    "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
            new DatasetFile("t10k-labels-idx1-ubyte.gz",
                    "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
                    "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05",
                    "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"));

    public DatasetFiles {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(defaultBaseUrl, "defaultBaseUrl");
        Objects.requireNonNull(trainImages, "trainImages");
        Objects.requireNonNull(trainLabels, "trainLabels");
        Objects.requireNonNull(testImages, "testImages");
        Objects.requireNonNull(testLabels, "testLabels");
    }

    /** The datasets whose files this adapter knows, in {@link DatasetDescriptor#known()} order. */
    public static List<DatasetFiles> known() {
        return List.of(MNIST, FASHION_MNIST);
    }

    /** The files of {@code dataset}; fails if this adapter does not know that dataset. */
    public static DatasetFiles of(DatasetDescriptor dataset) {
        return known().stream().filter(f -> f.dataset().name().equals(dataset.name())).findFirst()
                .orElseThrow(() -> new DatasetUnavailableException("dataset '" + dataset.name()
                        + "' has no IDX files known to this reader (known: mnist, fashion-mnist)"));
    }

    public String name() {
        return dataset.name();
    }

    public DatasetFile images(Split split) {
        return split == Split.TRAIN ? trainImages : testImages;
    }

    public DatasetFile labels(Split split) {
        return split == Split.TRAIN ? trainLabels : testLabels;
    }

    public List<DatasetFile> all() {
        return List.of(trainImages, trainLabels, testImages, testLabels);
    }
}
