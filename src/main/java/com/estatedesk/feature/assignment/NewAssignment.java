package com.estatedesk.feature.assignment;

import jakarta.validation.constraints.NotNull;

public record NewAssignment(@NotNull Long clientId, @NotNull Long marketerId) {}
