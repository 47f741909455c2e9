package org.ddjvm.adapters.web.dashboard;

import java.util.List;
import org.ddjvm.adapters.web.api.RunPage;
import org.ddjvm.adapters.web.api.RunViews;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.distill.InvalidConfigException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The runs page: status, dataset, backend, progress and accuracy of every run; the table refreshes itself. */
@Controller
public class RunListPage {

    static final int PAGE_SIZE = 25;

    private final RunViews views;

    public RunListPage(RunViews views) {
        this.views = views;
    }

    @GetMapping("/runs")
    public String runs(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String status,
                       @RequestParam(required = false) String dataset, Model model) {
        fill(page, status, dataset, model);
        model.addAttribute("statuses", List.of("queued", "running", "stopped", "completed", "failed"));
        model.addAttribute("datasets", DatasetDescriptor.known().stream().map(DatasetDescriptor::name).toList());
        return "runs";
    }

    /** The table body alone, for the page's polling. */
    @GetMapping("/runs/rows")
    public String rows(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String status,
                       @RequestParam(required = false) String dataset, Model model) {
        fill(page, status, dataset, model);
        return "runs :: rows";
    }

    private void fill(int page, String status, String dataset, Model model) {
        RunPage runs;
        try {
            runs = views.page(Math.max(0, page), PAGE_SIZE, status, dataset);
        } catch (InvalidConfigException e) {
            model.addAttribute("filterError", e.getMessage());
            runs = views.page(0, PAGE_SIZE, null, null);
            status = null;
            dataset = null;
        }
        model.addAttribute("runs", runs);
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("dataset", dataset == null ? "" : dataset);
    }
}
