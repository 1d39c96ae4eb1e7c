package com.estatedesk.feature.estate;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

@JsonbPropertyOrder({"plotSizeId", "size", "totalUnits", "availableUnits", "plotNumbers"})
public record EstatePlotView(
        long plotSizeId, String size, int totalUnits, int availableUnits, List<PlotNumberState> plotNumbers) {}
