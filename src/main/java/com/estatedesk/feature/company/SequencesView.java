package com.estatedesk.feature.company;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** POST /companies/{id}/sequences/backfill: each sequence of the company after the backfill. */
public record SequencesView(List<Sequence> sequences) {

    @JsonbPropertyOrder({"key", "lastValue"})
    public record Sequence(String key, long lastValue) {}
}
