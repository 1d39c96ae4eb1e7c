package com.estatedesk.feature.summary;

import com.estatedesk.feature.estate.EstateRef;
import com.estatedesk.feature.people.model.PersonRef;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The company's figures at a glance (the console's dashboard): people, registrations of the last seven
 * days, units per estate, allocations by payment type, and each marketer's clients and allocations.
 */
@JsonbPropertyOrder({
    "marketers",
    "clients",
    "estates",
    "totalUnits",
    "availableUnits",
    "allocations",
    "registrationsThisWeek",
    "allocationsByPaymentType",
    "estateUnits",
    "marketerFigures"
})
public record CompanySummary(
        long marketers,
        long clients,
        long estates,
        long totalUnits,
        long availableUnits,
        long allocations,
        Registrations registrationsThisWeek,
        Map<String, Long> allocationsByPaymentType,
        List<EstateUnits> estateUnits,
        List<MarketerFigures> marketerFigures) {

    /** Marketers and clients registered in the last seven days. */
    @JsonbPropertyOrder({"marketers", "clients"})
    public record Registrations(long marketers, long clients) {}

    @JsonbPropertyOrder({"estate", "totalUnits", "allocatedUnits", "availableUnits"})
    public record EstateUnits(EstateRef estate, long totalUnits, long allocatedUnits, long availableUnits) {}

    /** An active marketer with the number of its clients and of their allocations. */
    @JsonbPropertyOrder({"marketer", "clients", "allocations"})
    public record MarketerFigures(PersonRef marketer, long clients, long allocations) {}
}
