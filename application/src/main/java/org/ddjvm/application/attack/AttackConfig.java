package org.ddjvm.application.attack;

import java.time.Instant;

/**
 * A stored poisoning-attack configuration: distil data that, trained on, makes a network predict the target class
 * for images of the attacked class.
 *
 * @param id             database id
 * @param spec           what the attack is
 * @param createdAt      when it was stored
 * @param createdBy      who stored it
 */
public record AttackConfig(long id, AttackSpec spec, Instant createdAt, String createdBy) {

    public String name() {
        return spec.name();
    }
}
