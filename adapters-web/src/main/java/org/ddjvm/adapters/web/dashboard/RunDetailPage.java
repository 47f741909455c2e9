package org.ddjvm.adapters.web.dashboard;

import java.util.Optional;
import org.ddjvm.adapters.web.api.EvaluationView;
import org.ddjvm.adapters.web.api.RunDetailsView;
import org.ddjvm.adapters.web.api.RunViews;
import org.ddjvm.application.queue.DeleteRun;
import org.ddjvm.application.queue.HaltRun;
import org.ddjvm.application.queue.RunQueue;
import org.ddjvm.application.runs.UnknownRunException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The run page: live loss and rate curves, the current distilled images, accuracy before and after beside the
 * baseline, and the stop, resume, download and delete buttons.
 */
@Controller
public class RunDetailPage {

    private final RunViews views;
    private final HaltRun halt;
    private final RunQueue queue;
    private final DeleteRun delete;

    public RunDetailPage(RunViews views, HaltRun halt, RunQueue queue, DeleteRun delete) {
        this.views = views;
        this.halt = halt;
        this.queue = queue;
        this.delete = delete;
    }

    @GetMapping("/runs/{name}")
    public String page(@PathVariable String name, Model model) {
        fill(name, model);
        return "run";
    }

    /** The status, progress, accuracy and buttons alone, for the page's polling. */
    @GetMapping("/runs/{name}/summary")
    public String summary(@PathVariable String name, Model model) {
        fill(name, model);
        return "run :: summary";
    }

    @PostMapping("/runs/{name}/stop")
    public String stop(@PathVariable String name, RedirectAttributes flash) {
        return act(name, flash, () -> switch (halt.halt(views.run(name).name())) {
            case CANCELLED -> "Cancelled: it will not start.";
            case STOPPING -> "Stopping after the current iteration.";
            case NOT_RUNNING -> "It is not running.";
        });
    }

    @PostMapping("/runs/{name}/resume")
    public String resume(@PathVariable String name, RedirectAttributes flash) {
        return act(name, flash, () -> {
            queue.resume(RunViews.pathName(name));
            return "Resumed: it continues from its last checkpoint.";
        });
    }

    @PostMapping("/runs/{name}/delete")
    public String remove(@PathVariable String name, RedirectAttributes flash) {
        try {
            delete.delete(RunViews.pathName(name));
            flash.addFlashAttribute("message", "Deleted run " + name + ".");
            return "redirect:/runs";
        } catch (IllegalStateException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return redirect(name);
        }
    }

    @ExceptionHandler(UnknownRunException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String unknown(UnknownRunException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "not-found";
    }

    private String act(String name, RedirectAttributes flash, java.util.function.Supplier<String> action) {
        try {
            flash.addFlashAttribute("message", action.get());
        } catch (IllegalStateException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return redirect(name);
    }

    private static String redirect(String name) {
        return "redirect:/runs/" + UriUtils.encodePathSegment(name, "UTF-8");
    }

    private void fill(String name, Model model) {
        RunDetailsView details = views.details(name);
        model.addAttribute("details", details);
        model.addAttribute("run", details.run());
        model.addAttribute("distilled", evaluation(details, "distilled").orElse(null));
        model.addAttribute("baseline", evaluation(details, "random_real").orElse(null));
    }

    private static Optional<EvaluationView> evaluation(RunDetailsView details, String kind) {
        return details.evaluations().stream().filter(e -> e.kind().equals(kind)).findFirst();
    }
}
