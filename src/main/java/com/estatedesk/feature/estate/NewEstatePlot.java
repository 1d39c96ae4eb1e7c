package com.estatedesk.feature.estate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** POST /estates/{id}/plots: units of one plot size in the estate, with the plot numbers laid out in it. */
public record NewEstatePlot(
        @NotNull Long plotSizeId,
        @NotNull @Min(1) @Max(1_000_000) Integer totalUnits,
        @Size(max = 10_000) List<@NotNull Long> plotNumberIds) {}
