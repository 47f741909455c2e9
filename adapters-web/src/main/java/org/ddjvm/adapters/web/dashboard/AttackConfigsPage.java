package org.ddjvm.adapters.web.dashboard;

import java.security.Principal;
import java.util.Map;
import org.ddjvm.adapters.web.api.RequestFields;
import org.ddjvm.application.attack.AttackConfigs;
import org.ddjvm.application.attack.AttackSpec;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.distill.InvalidConfigException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The poisoning-attack configs page (role ATTACKER): list, create, delete. */
@Controller
public class AttackConfigsPage {

    private final AttackConfigs configs;

    public AttackConfigsPage(AttackConfigs configs) {
        this.configs = configs;
    }

    /** The create form, as typed. */
    public record AttackForm(String name, String dataset, String attackedClass, String targetClass, String modelSet,
                             String notes) {

        static AttackForm empty() {
            return new AttackForm("", "mnist", "0", "1", "", "");
        }

        AttackSpec toSpec() {
            return new AttackSpec(name, dataset, number("attackedClass", attackedClass),
                    number("targetClass", targetClass), modelSet, notes);
        }

        private static int number(String field, String text) {
            try {
                return Integer.parseInt(text == null ? "" : text.strip());
            } catch (NumberFormatException e) {
                throw new InvalidConfigException(field, text, "must be a class number");
            }
        }
    }

    @GetMapping("/attack-configs")
    public String list(Model model) {
        return show(AttackForm.empty(), Map.of(), model);
    }

    @PostMapping("/attack-configs")
    public String create(@ModelAttribute("form") AttackForm form, Principal user, Model model,
                         HttpServletResponse response, RedirectAttributes flash) {
        try {
            configs.create(form.toSpec(), user.getName());
        } catch (InvalidConfigException e) {
            InvalidConfigException named = RequestFields.renamed(e);
            response.setStatus(400);
            return show(form, Map.of(named.field(), named.getMessage()), model);
        }
        flash.addFlashAttribute("message", "Created attack config " + form.name() + ".");
        return "redirect:/attack-configs";
    }

    @PostMapping("/attack-configs/{name}/delete")
    public String delete(@PathVariable String name, RedirectAttributes flash) {
        boolean deleted = configs.delete(name);
        flash.addFlashAttribute(deleted ? "message" : "error",
                deleted ? "Deleted attack config " + name + "." : "No attack config named " + name + ".");
        return "redirect:/attack-configs";
    }

    private String show(AttackForm form, Map<String, String> errors, Model model) {
        model.addAttribute("configs", configs.list());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("datasets", DatasetDescriptor.known().stream().map(DatasetDescriptor::name).toList());
        return "attack-configs";
    }
}
