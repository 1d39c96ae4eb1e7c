package com.estatedesk.feature.estate;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

@JsonbPropertyOrder({"id", "number", "allocated"})
public record PlotNumberState(long id, String number, boolean allocated) {}
