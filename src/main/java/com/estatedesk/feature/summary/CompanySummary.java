package com.estatedesk.feature.summary;

/** The company's figures at a glance (the console's dashboard). */
public record CompanySummary(
        long marketers, long clients, long estates, long totalUnits, long availableUnits, long allocations) {}
