package com.estatedesk.feature.estate;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;

@JsonbPropertyOrder({"id", "name", "location", "size", "sizeUnit", "titleDeed", "createdAt"})
public record EstateView(
        long id,
        String name,
        String location,
        BigDecimal size,
        SizeUnit sizeUnit,
        TitleDeed titleDeed,
        Instant createdAt) {
    static EstateView of(Estate estate) {
        // 10.0000 → 10, not 1E+1
        BigDecimal size = new BigDecimal(estate.size().stripTrailingZeros().toPlainString());
        return new EstateView(
                estate.id(),
                estate.name(),
                estate.location(),
                size,
                estate.sizeUnit(),
                estate.titleDeed(),
                estate.createdAt());
    }
}
