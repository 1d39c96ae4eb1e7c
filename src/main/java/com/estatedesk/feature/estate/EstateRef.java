package com.estatedesk.feature.estate;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** An estate as another representation points at it. */
@JsonbPropertyOrder({"id", "name"})
public record EstateRef(long id, String name) {
    public static EstateRef of(Estate estate) {
        return new EstateRef(estate.id(), estate.name());
    }
}
