package com.estatedesk.estate;

import java.util.List;

public record EstatePlots(List<EstatePlotView> items) {}
