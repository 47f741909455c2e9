package org.ddjvm.adapters.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.ddjvm.adapters.web.BackendCatalog;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.DatasetSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the server can distil: datasets (and whether their files are there) and numerical backends. */
@RestController
@Tag(name = "environment", description = "datasets and backends")
public class EnvironmentController {

    private final DatasetSource datasets;
    private final BackendCatalog backends;

    public EnvironmentController(DatasetSource datasets, BackendCatalog backends) {
        this.datasets = datasets;
        this.backends = backends;
    }

    /** A dataset: its geometry and classes, and whether its files are present and verified. */
    public record DatasetView(String name, int channels, int height, int width, List<String> classes,
                              String location, boolean present, boolean verified, String detail) {
    }

    /** A backend of this build; {@code active} is the one this server runs distillations on. */
    public record BackendView(String name, boolean active) {
    }

    /** The backends; new runs execute on {@code active}. */
    public record BackendsView(String active, List<BackendView> backends) {
    }

    @GetMapping("/api/datasets")
    @Operation(summary = "the datasets and the state of their files")
    public List<DatasetView> datasets() {
        return datasets.status().stream().map(s -> {
            DatasetDescriptor d = DatasetDescriptor.known().stream().filter(k -> k.name().equals(s.dataset()))
                    .findFirst().orElse(null);
            return d == null
                    ? new DatasetView(s.dataset(), 0, 0, 0, List.of(), s.location(), s.present(), s.verified(),
                    s.detail())
                    : new DatasetView(d.name(), d.channels(), d.height(), d.width(), d.classNames(), s.location(),
                    s.present(), s.verified(), s.detail());
        }).toList();
    }

    @GetMapping("/api/backends")
    @Operation(summary = "the numerical backends", description = "Runs execute on the active one; another needs "
            + "a restart with dd serve --backend NAME.")
    public BackendsView backends() {
        String active = backends.active();
        List<String> names = backends.installed().contains(active) ? backends.installed()
                : java.util.stream.Stream.concat(backends.installed().stream(), java.util.stream.Stream.of(active))
                .sorted().toList();
        return new BackendsView(active, names.stream().map(n -> new BackendView(n, n.equals(active))).toList());
    }
}
