package org.ddjvm.adapters.web.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.TreeMap;
import org.ddjvm.adapters.web.BackendCatalog;
import org.ddjvm.adapters.web.api.RequestFields;
import org.ddjvm.application.queue.SubmitRun;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.domain.data.DatasetUnavailableException;
import org.ddjvm.domain.distill.InvalidConfigException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/** The new-run form: presets for the paper's experiments, validation messages beside the fields. */
@Controller
public class NewRunPage {

    private final SubmitRun submit;
    private final BackendCatalog backends;

    public NewRunPage(SubmitRun submit, BackendCatalog backends) {
        this.submit = submit;
        this.backends = backends;
    }

    @GetMapping("/runs/new")
    public String form(@RequestParam(required = false) String preset, Model model) {
        return show(RunForm.preset(preset, backends.active()), Map.of(), model);
    }

    @PostMapping("/runs")
    public String launch(@ModelAttribute("form") RunForm form, Model model, HttpServletResponse response) {
        try {
            if (form.backend() != null && !form.backend().isBlank() && !form.backend().equals(backends.active())) {
                throw new InvalidConfigException("backend", form.backend(), "is not the backend of this server ("
                        + backends.active() + "); restart it with dd serve --backend " + form.backend());
            }
            var request = form.toRequest();
            DistillationRun run = submit.submit(request.toSpec(), request.runName());
            return "redirect:/runs/" + UriUtils.encodePathSegment(run.name().value(), "UTF-8");
        } catch (InvalidConfigException e) {
            InvalidConfigException named = RequestFields.renamed(e);
            response.setStatus(named instanceof org.ddjvm.application.runs.DuplicateRunNameException ? 409 : 400);
            return show(form, Map.of(named.field(), named.getMessage()), model);
        } catch (DatasetUnavailableException e) {
            response.setStatus(400);
            return show(form, Map.of("dataset", "dataset is not available on the server: " + e.getMessage()), model);
        }
    }

    private String show(RunForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("presets", new TreeMap<>(RunForm.PRESETS));
        model.addAttribute("activeBackend", backends.active());
        model.addAttribute("backends", backends.installed());
        return "new-run";
    }
}
