package org.ddjvm.adapters.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.ddjvm.application.attack.AttackConfig;
import org.ddjvm.application.attack.AttackConfigs;
import org.ddjvm.application.attack.AttackSpec;
import org.ddjvm.domain.distill.InvalidConfigException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Poisoning-attack configurations (role ATTACKER): list, show, create, update, delete. */
@RestController
@RequestMapping("/api/attack-configs")
@Tag(name = "attack-configs", description = "poisoning-attack configurations (role ATTACKER)")
public class AttackConfigsController {

    private final AttackConfigs configs;

    public AttackConfigsController(AttackConfigs configs) {
        this.configs = configs;
    }

    /** A config to create: train on the distilled data and class {@code attackedClass} is predicted as target. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record AttackConfigRequest(String name, String dataset, Integer attackedClass, Integer targetClass,
                                      String modelSet, String notes) {

        AttackSpec toSpec() {
            return new AttackSpec(name, dataset, attackedClass == null ? -1 : attackedClass,
                    targetClass == null ? -1 : targetClass, modelSet, notes);
        }
    }

    /** A stored config. */
    public record AttackConfigView(String name, String dataset, int attackedClass, int targetClass, String modelSet,
                                   String notes, Instant createdAt, String createdBy) {

        static AttackConfigView of(AttackConfig c) {
            AttackSpec s = c.spec();
            return new AttackConfigView(s.name(), s.dataset(), s.attackedClass(), s.targetClass(), s.modelSet(),
                    s.notes(), c.createdAt(), c.createdBy());
        }
    }

    @GetMapping
    @Operation(summary = "all attack configs, oldest first")
    public List<AttackConfigView> list() {
        return configs.list().stream().map(AttackConfigView::of).toList();
    }

    @GetMapping("/{name}")
    @Operation(summary = "one attack config")
    public AttackConfigView get(@PathVariable String name) {
        return configs.findByName(name).map(AttackConfigView::of)
                .orElseThrow(() -> new NotFoundException("no attack config named " + name));
    }

    @PostMapping
    @Operation(summary = "create an attack config", description = "201 with its Location; 400 naming the field "
            + "(name, dataset, attackedClass, targetClass, notes), also when the name is taken")
    public ResponseEntity<AttackConfigView> create(@RequestBody AttackConfigRequest request, Principal user) {
        AttackConfig created = configs.create(spec(request), user.getName());
        return ResponseEntity.created(URI.create("/api/attack-configs/" + created.name()))
                .body(AttackConfigView.of(created));
    }

    @PutMapping("/{name}")
    @Operation(summary = "update an attack config", description = "Replaces its dataset, classes, model set and "
            + "notes (absent ones as on create); the name stays (a different name in the body is a 400). 404 when "
            + "there is no such config.")
    public AttackConfigView update(@PathVariable String name, @RequestBody AttackConfigRequest request) {
        if (configs.findByName(name).isEmpty()) {
            throw new NotFoundException("no attack config named " + name);
        }
        if (request.name() != null && !request.name().equals(name)) {
            throw new InvalidConfigException("name", request.name(), "must be the config's name (" + name
                    + "); create a new config to rename one");
        }
        AttackConfigRequest named = new AttackConfigRequest(name, request.dataset(), request.attackedClass(),
                request.targetClass(), request.modelSet(), request.notes());
        return configs.update(spec(named)).map(AttackConfigView::of)
                .orElseThrow(() -> new NotFoundException("no attack config named " + name));
    }

    @DeleteMapping("/{name}")
    @Operation(summary = "delete an attack config")
    public ResponseEntity<Void> delete(@PathVariable String name) {
        if (!configs.delete(name)) {
            throw new NotFoundException("no attack config named " + name);
        }
        return ResponseEntity.noContent().build();
    }

    private static AttackSpec spec(AttackConfigRequest request) {
        try {
            return request.toSpec();
        } catch (InvalidConfigException e) {
            throw RequestFields.renamed(e);
        }
    }
}
