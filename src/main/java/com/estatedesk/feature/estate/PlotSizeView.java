package com.estatedesk.feature.estate;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

@JsonbPropertyOrder({"id", "size"})
public record PlotSizeView(long id, String size) {
    public static PlotSizeView of(PlotSize plotSize) {
        return new PlotSizeView(plotSize.id(), plotSize.size());
    }
}
