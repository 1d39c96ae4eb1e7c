package com.estatedesk.feature.estate;

import java.util.List;

public record EstatePlots(List<EstatePlotView> items) {}
