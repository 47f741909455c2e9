package org.ddjvm.adapters.datasets;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.ddjvm.domain.data.DatasetDescriptor;

/** The base URL each dataset's files are downloaded from, by dataset name; a file's URL is base + file name. */
public record DownloadSources(Map<String, URI> baseUrls) {

    public DownloadSources {
        baseUrls = Map.copyOf(baseUrls);
    }

    /** The canonical sites: MNIST from ossci-datasets, Fashion-MNIST from Zalando's S3 website. */
    public static DownloadSources defaults() {
        Map<String, URI> urls = new HashMap<>();
        for (DatasetFiles files : DatasetFiles.known()) {
            urls.put(files.name(), files.defaultBaseUrl());
        }
        return new DownloadSources(urls);
    }

    /** A copy with {@code dataset}'s base URL replaced (a trailing slash is added if missing). */
    public DownloadSources with(DatasetDescriptor dataset, URI baseUrl) {
        Map<String, URI> urls = new HashMap<>(baseUrls);
        urls.put(dataset.name(), asFolder(baseUrl));
        return new DownloadSources(urls);
    }

    /** Where {@code file} of {@code dataset} is downloaded from. */
    public URI urlFor(DatasetFiles dataset, DatasetFile file) {
        URI base = baseUrls.getOrDefault(dataset.name(), dataset.defaultBaseUrl());
        return asFolder(base).resolve(file.name());
    }

    private static URI asFolder(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? base : URI.create(s + "/");
    }
}
