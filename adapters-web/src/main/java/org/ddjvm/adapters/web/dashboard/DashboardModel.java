package org.ddjvm.adapters.web.dashboard;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

/** What every dashboard page shows of the user: name, and which actions their roles allow. */
@ControllerAdvice(basePackageClasses = DashboardModel.class)
public class DashboardModel {

    @ModelAttribute
    void user(Authentication authentication, Model model) {
        boolean known = authentication != null && authentication.isAuthenticated();
        model.addAttribute("username", known ? authentication.getName() : null);
        model.addAttribute("canOperate", known && has(authentication, "ROLE_OPERATOR"));
        model.addAttribute("canAttack", known && has(authentication, "ROLE_ATTACKER"));
        model.addAttribute("isAdmin", known && has(authentication, "ROLE_ADMIN"));
    }

    static boolean has(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }
}
