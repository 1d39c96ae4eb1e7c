package com.estatedesk.feature.estate;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

@JsonbPropertyOrder({"id", "number"})
public record PlotNumberView(long id, String number) {
    public static PlotNumberView of(PlotNumber plotNumber) {
        return new PlotNumberView(plotNumber.id(), plotNumber.number());
    }
}
