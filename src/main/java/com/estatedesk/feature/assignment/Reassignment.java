package com.estatedesk.feature.assignment;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotNull;

/** POST /marketers/{id}/reassign: move all of a marketer's clients to another marketer. */
public record Reassignment(@NotNull Long toMarketerId) {

    @JsonbPropertyOrder({"fromMarketerId", "toMarketerId", "moved", "alreadyAssigned"})
    public record Result(long fromMarketerId, long toMarketerId, int moved, int alreadyAssigned) {}
}
