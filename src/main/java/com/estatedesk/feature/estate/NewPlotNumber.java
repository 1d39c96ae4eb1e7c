package com.estatedesk.feature.estate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record NewPlotNumber(@NotBlank @Size(max = 50) String number) {}
